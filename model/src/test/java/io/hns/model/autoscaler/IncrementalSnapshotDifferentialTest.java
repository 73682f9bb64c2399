package io.hns.model.autoscaler;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.hns.model.cluster.ConditionStatus;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.OwnerRef;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.cluster.Times;
import io.hns.model.cluster.Toleration;
import io.hns.model.cluster.Workload;
import io.hns.model.port.ClusterActions;
import io.hns.model.port.ClusterView;
import io.hns.model.port.NodeGroup;
import io.hns.model.resource.Resources;
import io.hns.model.scheduler.ClusterSnapshot;
import io.hns.model.scheduler.Placement;
import io.hns.model.scheduler.Scheduler;
import io.hns.model.scheduler.SchedulerProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property test: the cluster autoscaler with incremental snapshots (kept across loops, what-if
 * changes undone) decides exactly as with a snapshot built afresh every loop. Two identical random
 * clusters evolve side by side (pods created, scheduled, deleted, some expendable or of low
 * priority, some tolerating the virtual node; nodes registering, going NotReady, tainted), each
 * with its own autoscaler; every action and event of every loop must be the same.
 */
class IncrementalSnapshotDifferentialTest {
  static Stream<Long> seeds() {
    return LongStream.range(0, 12).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void incrementalSnapshotsDecideAsFreshOnes(long seed) {
    World a = new World(seed);
    World b = new World(seed);
    ClusterAutoscaler incremental = new ClusterAutoscaler(AutoscalerConfig.aksDefaults(), SchedulerProfile.current(), true);
    ClusterAutoscaler fresh = new ClusterAutoscaler(AutoscalerConfig.aksDefaults(), SchedulerProfile.current(), false);
    SplittableRandom ra = new SplittableRandom(seed);
    SplittableRandom rb = new SplittableRandom(seed);
    for (int loop = 0; loop < 400; loop++) {
      a.evolve();
      b.evolve();
      incremental.runOnce(a, a, ra);
      fresh.runOnce(b, b, rb);
      assertThat(a.log).as("seed %d loop %d", seed, loop).isEqualTo(b.log);
      assertThat(a.pods.keySet()).isEqualTo(b.pods.keySet());
      a.now += 10_000;
      b.now += 10_000;
    }
    assertThat(a.log.stream().anyMatch(l -> l.startsWith("increase"))).as("scaled up").isTrue();
    assertThat(a.log.stream().anyMatch(l -> l.startsWith("delete") || l.startsWith("taint"))).as("scaled down").isTrue();
  }

  /** A small cluster with one VMSS-like group and a virtual node, driven by its own random stream. */
  static final class World implements ClusterView, ClusterActions {
    final SplittableRandom r;
    final Map<String, Node> nodes = new LinkedHashMap<>();
    final Map<String, Pod> pods = new LinkedHashMap<>();
    final FakeNodeGroup group;
    final List<String> log = new ArrayList<>();
    final Scheduler scheduler = new Scheduler(SchedulerProfile.current());
    final SplittableRandom schedRandom;
    final Map<String, Long> readyAt = new LinkedHashMap<>();
    final PodSpec[] specs;
    long now = 1_000_000;
    int seq;

    World(long seed) {
      r = new SplittableRandom(seed * 31 + 7);
      schedRandom = new SplittableRandom(seed);
      group = new FakeNodeGroup("pool", 1, 12, node("template", true), () -> now);
      specs = new PodSpec[] {
          spec(500, 1L << 30, 0, false), spec(1000, 2L << 30, 0, false), spec(250, 256L << 20, 0, true),
          spec(1500, 1L << 30, -5, false), spec(200, 128L << 20, -20, false), spec(700, 3L << 30, 0, true)};
      for (int i = 0; i < 3; i++) {
        Node n = node("vm-" + i, true);
        nodes.put(n.name(), n);
        group.member(n.name());
      }
      Resources big = new Resources(100_000, 1L << 40, 0, 500, ImmutableMap.of());
      nodes.put("virtual", new Node("virtual", Labels.of("type", "virtual-kubelet", "kubernetes.io/hostname", "virtual"),
          Labels.EMPTY, ImmutableList.of(new Taint("virtual-kubelet.io/provider", "azure", TaintEffect.NO_SCHEDULE)),
          big, big, false, true, "", Times.UNSET, ImmutableMap.of()));
    }

    static PodSpec spec(long cpu, long mem, int priority, boolean burst) {
      PodSpec.Builder b = PodSpec.builder().requests(cpu, mem);
      b.priority = priority;
      if (burst) {
        b.tolerations = ImmutableList.of(Toleration.exists("virtual-kubelet.io/provider"));
      }
      return b.build();
    }

    Node node(String name, boolean ready) {
      Resources alloc = new Resources(3860, 12L << 30, 0, 30, ImmutableMap.of());
      return new Node(name, Labels.of("agentpool", "pool", "kubernetes.io/hostname", name,
          "topology.kubernetes.io/zone", "z" + Math.floorMod(name.hashCode(), 3)), Labels.EMPTY, ImmutableList.of(),
          alloc, alloc, false, ready, "azure:///" + name, now, ImmutableMap.of());
    }

    /** Random events between two loops, then the scheduler binds what fits. */
    void evolve() {
      // Membership follows the group: nodes it deleted go, instances it created register.
      nodes.keySet().removeIf(n -> !n.equals("virtual") && !group.members.contains(n) && !readyAt.containsKey(n));
      pods.values().removeIf(p -> p.isAssigned() && !nodes.containsKey(p.nodeName()));
      for (String c : group.creating()) {
        if (r.nextInt(4) == 0 && !nodes.containsKey(c)) {
          group.finishCreating(c);
          nodes.put(c, node(c, false));
          readyAt.put(c, now + 20_000 + r.nextInt(40_000));
        }
      }
      for (Map.Entry<String, Long> e : new ArrayList<>(readyAt.entrySet())) {
        if (e.getValue() <= now && nodes.containsKey(e.getKey())) {
          nodes.put(e.getKey(), nodes.get(e.getKey()).withReady(true));
          readyAt.remove(e.getKey());
        }
      }
      if (r.nextInt(40) == 0) {
        List<String> names = new ArrayList<>(group.members);
        if (!names.isEmpty()) {
          String n = names.get(r.nextInt(names.size()));
          Node node = nodes.get(n);
          if (node != null) nodes.put(n, node.withReady(!node.ready()));
        }
      }
      if (r.nextInt(8) == 0) {
        // An operator taints or untaints a node (a node object change, same membership).
        List<String> names = new ArrayList<>(group.members);
        Node node = names.isEmpty() ? null : nodes.get(names.get(r.nextInt(names.size())));
        if (node != null) {
          Taint maintenance = new Taint("maintenance", "true", TaintEffect.NO_SCHEDULE);
          nodes.put(node.name(), node.withTaints(node.taints().contains(maintenance)
              ? ImmutableList.of() : ImmutableList.of(maintenance)));
        }
      }
      // Load: waves of pods, deletions.
      long phase = (now / 600_000) % 6;
      int create = phase < 3 ? r.nextInt(5) : r.nextInt(2);
      for (int i = 0; i < create; i++) {
        int t = r.nextInt(specs.length);
        String name = "p" + (seq++);
        pods.put(name, Pod.builder("apps", name, specs[t]).uid("u-" + name).creationTime(now)
            .owner(new OwnerRef("ReplicaSet", "rs" + t, "rs-uid-" + t)).labels(Labels.of("app", "a" + t)).build());
      }
      int delete = phase < 3 ? r.nextInt(2) : r.nextInt(6);
      for (int i = 0; i < delete && !pods.isEmpty(); i++) {
        List<String> names = new ArrayList<>(pods.keySet());
        pods.remove(names.get(r.nextInt(names.size())));
      }
      // Bind pending pods where they fit, else mark them unschedulable.
      ClusterSnapshot s = ClusterSnapshot.of(nodes.values().stream().filter(Node::ready).toList(), pods.values());
      for (Pod p : new ArrayList<>(pods.values())) {
        if (p.isAssigned()) continue;
        Placement pl = scheduler.schedule(p, s, schedRandom, false);
        if (pl.scheduled()) {
          Pod bound = p.toBuilder().nodeName(pl.node()).unschedulable(false).phase(PodPhase.RUNNING)
              .startTime(now).ready(ConditionStatus.TRUE, now).build();
          pods.put(p.name(), bound);
          s.addPod(bound);
        } else if (!p.unschedulable()) {
          pods.put(p.name(), p.toBuilder().unschedulable(true).build());
        }
      }
    }

    @Override public long now() { return now; }
    @Override public List<Node> nodes() { return List.copyOf(nodes.values()); }
    @Override public List<Pod> pods() { return List.copyOf(pods.values()); }
    @Override public List<Workload> workloads() { return List.of(); }

    /** As the simulator's view: the same immutable list object again for a node whose pods did not change. */
    private Map<String, List<Pod>> handedOut = Map.of();

    @Override
    public Map<String, List<Pod>> scheduledPodsByNode() {
      Map<String, List<Pod>> grouped = ClusterView.super.scheduledPodsByNode();
      Map<String, List<Pod>> out = new LinkedHashMap<>();
      grouped.forEach((node, pods) -> {
        List<Pod> before = handedOut.get(node);
        boolean same = before != null && before.size() == pods.size();
        for (int i = 0; same && i < pods.size(); i++) {
          same = before.get(i) == pods.get(i);
        }
        out.put(node, same ? before : List.copyOf(pods));
      });
      handedOut = out;
      return out;
    }
    @Override public List<NodeGroup> nodeGroups() { return List.of(new LoggingGroup(this, group)); }

    @Override
    public void scale(String namespace, String kind, String name, int replicas, String reason) {
      log.add("scale " + name);
    }

    @Override
    public void createPod(Pod pod, String reason) {
      log.add("create " + pod.name());
    }

    @Override
    public void deletePod(String namespace, String name, String reason) {
      log.add("deletePod " + name);
      pods.remove(name);
    }

    @Override
    public boolean evictPod(String namespace, String name, String reason) {
      log.add("evict " + name);
      Pod p = pods.get(name);
      if (p != null) {
        pods.put(name, p.toBuilder().deletionTime(now).build());
      }
      return true;
    }

    @Override
    public void taintNode(String node, Taint taint, boolean add) {
      log.add("taint " + node + " " + taint.key() + " " + add);
      Node n = nodes.get(node);
      if (n == null) return;
      List<Taint> taints = new ArrayList<>(n.taints());
      taints.removeIf(t -> t.key().equals(taint.key()));
      if (add) taints.add(taint);
      nodes.put(node, n.withTaints(ImmutableList.copyOf(taints)));
    }

    @Override
    public void event(String objectRef, String type, String reason, String message) {
      log.add("event " + objectRef + " " + reason + " " + message);
    }
  }

  /** The group, logging the autoscaler's size changes. */
  record LoggingGroup(World w, FakeNodeGroup g) implements NodeGroup {
    @Override public String id() { return g.id(); }
    @Override public int minSize() { return g.minSize(); }
    @Override public int maxSize() { return g.maxSize(); }
    @Override public int targetSize() { return g.targetSize(); }
    @Override public Node templateNode() { return g.templateNode(); }
    @Override public boolean contains(Node node) { return g.contains(node); }
    @Override public List<Instance> instances() { return g.instances(); }

    @Override
    public void increaseSize(int delta) throws io.hns.model.port.NodeGroupException {
      w.log.add("increase " + delta);
      g.increaseSize(delta);
    }

    @Override
    public void deleteNodes(List<Node> nodes) {
      w.log.add("delete " + nodes.stream().map(Node::name).toList());
      g.deleteNodes(nodes);
    }
  }
}
