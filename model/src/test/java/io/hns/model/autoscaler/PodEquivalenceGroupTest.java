package io.hns.model.autoscaler;

import static io.hns.model.autoscaler.Fixtures.GI;
import static io.hns.model.autoscaler.Fixtures.WEB;
import static io.hns.model.autoscaler.Fixtures.pending;
import static io.hns.model.autoscaler.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.Labels;
import io.hns.model.cluster.OwnerRef;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** core/scaleup/equivalence/groups.go: same controller and same spec make one group. */
class PodEquivalenceGroupTest {

  @Test
  void siblingsGroupTogetherAndBarePodsStayAlone() {
    PodSpec s = spec(500, GI);
    Pod a = pending("a", s, WEB);
    Pod b = pending("b", s, WEB);
    Pod otherSpec = pending("c", spec(600, GI), WEB);
    Pod otherOwner = pending("d", s, new OwnerRef("ReplicaSet", "api-1", "uid-api"));
    Pod bare1 = pending("e", s, null);
    Pod bare2 = pending("f", s, null);
    Pod relabeled = a.toBuilder().labels(Labels.of("app", "canary")).build();

    List<PodEquivalenceGroup> groups = PodEquivalenceGroup.build(
        List.of(a, b, otherSpec, otherOwner, bare1, bare2, relabeled));

    assertThat(groups).extracting(g -> g.pods().stream().map(Pod::name).toList())
        .containsExactly(List.of("a", "b"), List.of("c"), List.of("d"), List.of("e"), List.of("f"), List.of("a"));
  }
}
