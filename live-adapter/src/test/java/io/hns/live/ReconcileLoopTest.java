package io.hns.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.hns.live.Decision.Outcome;
import io.hns.live.config.Bounds;
import io.hns.live.guard.ExpectationGuard;
import io.hns.live.guard.Mode;
import io.hns.live.guard.RecordingActions;
import io.hns.live.http.LiveMetrics;
import io.hns.model.cluster.Node;
import io.hns.model.port.ClusterView;
import io.hns.model.port.NodeGroup;
import io.hns.model.port.NodeGroupException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReconcileLoopTest {
  private final RecordingActions cluster = new RecordingActions();
  private final List<Decision> decisions = new ArrayList<>();
  private final LiveMetrics metrics = new LiveMetrics();
  private final AtomicBoolean leader = new AtomicBoolean(true);
  private final ExpectationGuard guard = new ExpectationGuard(Duration.ofSeconds(60), 5);
  private final CountingGroup group = new CountingGroup();
  private long now = 0;

  /** Scales api to 3 and grows the node group by 2 every loop. */
  private final Reconciler policy = new Reconciler() {
    @Override public String name() { return "test"; }
    @Override public Duration period() { return Duration.ofSeconds(10); }
    @Override public void reconcile(ClusterView view, LiveActions actions) {
      actions.scale("web", "Deployment", "api", 3, "because");
      try {
        view.nodeGroups().get(0).increaseSize(2);
      } catch (NodeGroupException e) {
        throw new IllegalStateException(e);
      }
    }
  };

  private ReconcileLoop loop(boolean apply) {
    return new ReconcileLoop(policy, () -> new LiveSnapshot(now, List.of(), List.of(), List.of(), List.of(group),
        List.of(), List.of(), List.of()), cluster, apply, leader::get, new Bounds(Set.of("web"), 10, 3, false), guard,
        decisions::add, metrics);
  }

  @Test
  @DisplayName("without --apply nothing reaches the cluster or the node group; decisions are reported as 'would'")
  void dryRun() {
    assertThat(loop(false).tick()).isEqualTo(Mode.DRY_RUN);
    assertThat(cluster.calls).isEmpty();
    assertThat(group.target).isEqualTo(1);
    assertThat(decisions).extracting(Decision::outcome).containsOnly(Outcome.DRY_RUN);
    assertThat(decisions).extracting(Decision::action).containsExactly("scale", "increase-size");
  }

  @Test
  @DisplayName("with --apply: the leader acts within the node growth bound; a follower only observes")
  void applyAsLeaderWithinBounds() {
    ReconcileLoop loop = loop(true);
    assertThat(loop.tick()).isEqualTo(Mode.ACTING);
    assertThat(cluster.calls).containsExactly("scale Deployment/web/api 3");
    assertThat(group.target).isEqualTo(3);
    loop.tick(); // 3 + 2 = 5 > 1 + 3: refused
    assertThat(group.target).isEqualTo(3);
    assertThat(decisions.get(3).outcome()).isEqualTo(Outcome.REFUSED);

    leader.set(false);
    decisions.clear();
    assertThat(loop.tick()).isEqualTo(Mode.NOT_LEADER);
    assertThat(decisions).extracting(Decision::outcome).containsOnly(Outcome.NOT_LEADER);
  }

  @Test
  @DisplayName("once the guard trips the loop keeps observing and stops acting")
  void guardStopsActing() {
    ReconcileLoop loop = loop(true);
    loop.tick();                     // scale to 3 expected within 60 s; the view never shows it
    now = 61_000;
    assertThat(loop.tick()).isEqualTo(Mode.GUARD_STOPPED);
    assertThat(cluster.calls).containsExactly("scale Deployment/web/api 3");
    assertThat(decisions.get(decisions.size() - 1).outcome()).isEqualTo(Outcome.GUARD_STOPPED);
  }

  /** A node group that counts its target. */
  static final class CountingGroup implements NodeGroup {
    int target = 1;
    @Override public String id() { return "np"; }
    @Override public int minSize() { return 0; }
    @Override public int maxSize() { return 100; }
    @Override public int targetSize() { return target; }
    @Override public Node templateNode() { throw new UnsupportedOperationException(); }
    @Override public boolean contains(Node node) { return false; }
    @Override public void increaseSize(int delta) { target += delta; }
    @Override public void deleteNodes(List<Node> nodes) { target -= nodes.size(); }
    @Override public List<Instance> instances() { return List.of(); }
  }
}
