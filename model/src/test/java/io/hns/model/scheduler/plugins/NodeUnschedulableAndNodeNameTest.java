package io.hns.model.scheduler.plugins;

import static io.hns.model.scheduler.TestClusters.filter;
import static io.hns.model.scheduler.TestClusters.node;
import static io.hns.model.scheduler.TestClusters.pod;
import static io.hns.model.scheduler.TestClusters.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.cluster.Toleration;
import io.hns.model.scheduler.ClusterSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeUnschedulableAndNodeNameTest {

  // nodeunschedulable/node_unschedulable_test.go TestNodeUnschedulable: "Does not schedule pod to
  // unschedulable node (node.Spec.Unschedulable==true)" -> "node(s) were unschedulable";
  // "Schedule pod to normal node".
  @Test
  void cordonedNodeRejectsPods() {
    ClusterSnapshot s = snapshot(List.of(node("cordoned").withUnschedulable(true), node("normal")));
    var p = pod("p", PodSpec.builder().build());
    assertThat(filter(new NodeUnschedulable(), p, s, "cordoned")).containsExactly("node(s) were unschedulable");
    assertThat(filter(new NodeUnschedulable(), p, s, "normal")).isNull();
  }

  // node_unschedulable_test.go TestNodeUnschedulable: "Schedule pod with toleration to
  // unschedulable node (node.Spec.Unschedulable==true)" (key node.kubernetes.io/unschedulable,
  // effect NoSchedule).
  @Test
  void toleratingPodMayUseACordonedNode() {
    ClusterSnapshot s = snapshot(List.of(node("cordoned").withUnschedulable(true)));
    var p = pod("p", PodSpec.builder().tolerations(
        new Toleration("node.kubernetes.io/unschedulable", Toleration.Operator.EXISTS, "", TaintEffect.NO_SCHEDULE)).build());
    assertThat(filter(new NodeUnschedulable(), p, s, "cordoned")).isNull();
  }

  // nodename/node_name_test.go TestNodeName: "no host specified", "host matches" and "host doesn't
  // match" -> "node(s) didn't match the requested node name".
  @Test
  void nodeNameFilter() {
    ClusterSnapshot s = snapshot(List.of(node("foo"), node("bar")));
    var any = pod("p", PodSpec.builder().build());
    PodSpec.Builder b = PodSpec.builder();
    b.nodeName = "foo";
    var pinned = pod("q", b.build());
    assertThat(filter(new NodeName(), any, s, "foo")).isNull();
    assertThat(filter(new NodeName(), pinned, s, "foo")).isNull();
    assertThat(filter(new NodeName(), pinned, s, "bar")).containsExactly("node(s) didn't match the requested node name");
  }
}
