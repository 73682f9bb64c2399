package io.hns.model.scheduler;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.OwnerRef;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.Times;
import io.hns.model.manifest.ManifestReader;
import io.hns.model.manifest.PodCompiler;
import io.hns.model.resource.Resources;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small builders for plugin tests, in the spirit of upstream's {@code st.MakeNode()} and
 * {@code st.MakePod()} wrappers: nodes with allocatable = capacity, pods with requests.
 */
public final class TestClusters {
  private TestClusters() {}

  /** A ready node; {@code labels} are key, value pairs. */
  public static Node node(String name, long milliCpu, long memory, long pods, String... labels) {
    Resources r = Resources.of(milliCpu, memory, pods);
    return new Node(name, Labels.of(labels), Labels.EMPTY, ImmutableList.of(), r, r, false, true, "",
        Times.UNSET, ImmutableMap.of());
  }

  /** A roomy node (100 cores, 100 GiB, 110 pods) for tests about labels and taints. */
  public static Node node(String name, String... labels) {
    return node(name, 100_000, 100L << 30, 110, labels);
  }

  public static Node withTaints(Node node, Taint... taints) {
    return node.withTaints(ImmutableList.copyOf(taints));
  }

  public static Node withImages(Node node, Map<String, Long> imageSizes) {
    return new Node(node.name(), node.labels(), node.annotations(), node.taints(), node.capacity(),
        node.allocatable(), node.unschedulable(), node.ready(), node.providerId(), node.creationTime(),
        ImmutableMap.copyOf(imageSizes));
  }

  /** A pending pod in namespace default. */
  public static Pod pod(String name, PodSpec spec) {
    return Pod.builder("default", name, spec).uid("uid-" + name).build();
  }

  public static Pod pod(String name, PodSpec spec, String... labels) {
    return Pod.builder("default", name, spec).uid("uid-" + name).labels(Labels.of(labels)).build();
  }

  /** A pod bound to {@code node}. */
  public static Pod bound(String name, String node, PodSpec spec, String... labels) {
    return Pod.builder("default", name, spec).uid("uid-" + name).labels(Labels.of(labels)).nodeName(node).build();
  }

  /** A pod controlled by the ReplicaSet with UID {@code rsUid}. */
  public static Pod owned(Pod pod, String rsUid) {
    return pod.toBuilder().owner(new OwnerRef("ReplicaSet", rsUid, rsUid)).build();
  }

  /** A pod spec stating its requests directly (non-zero floor 100m / 200Mi where a request is 0). */
  public static PodSpec requests(long milliCpu, long memory) {
    return PodSpec.builder().requests(milliCpu, memory).build();
  }

  /**
   * A pod spec whose containers state every request explicitly, zero included: upstream's
   * {@code st.MakePod().Req(...)}, where an explicit {@code memory: 0} stays 0 for scoring.
   */
  public static PodSpec explicitRequests(long milliCpu, long memory) {
    PodSpec.Builder b = PodSpec.builder().requests(milliCpu, memory);
    b.nonZeroRequests = Resources.of(milliCpu, memory);
    return b.build();
  }

  /** A pod with no containers' requests at all and no non-zero floor: upstream's bare {@code st.MakePod()}. */
  public static PodSpec noContainers() {
    PodSpec.Builder b = PodSpec.builder();
    b.nonZeroRequests = Resources.ZERO;
    return b.build();
  }

  /** Compiles one Pod manifest (YAML or JSON) the way {@code hns} reads files. */
  public static Pod compilePod(String yaml) {
    return PodCompiler.compile(ManifestReader.read("pod.yaml", yaml).get(0));
  }

  public static ClusterSnapshot snapshot(List<Node> nodes, Pod... bound) {
    return ClusterSnapshot.of(nodes, Arrays.asList(bound));
  }

  /** The filter verdict of one plugin for one node (PreFilter included): null when it passes. */
  public static List<String> filter(FilterPlugin plugin, Pod pod, ClusterSnapshot snapshot, String node) {
    CycleState cycle = new CycleState(pod, snapshot);
    Object state = plugin.preFilter(cycle);
    return plugin.filter(cycle, state, snapshot.get(node));
  }

  /** Whether the plugin's PreScore skips this pod (it then contributes 0 to every node). */
  public static boolean skips(ScorePlugin plugin, Pod pod, ClusterSnapshot snapshot, String... feasible) {
    CycleState cycle = new CycleState(pod, snapshot);
    return plugin.preScore(cycle, infos(snapshot, feasible)) == ScorePlugin.SKIP;
  }

  /**
   * PreScore, Score and NormalizeScore of one plugin over the feasible nodes (all nodes when none
   * are named), in the given order; a skipped plugin scores 0 everywhere, as in the framework.
   */
  public static Map<String, Long> scores(ScorePlugin plugin, Pod pod, ClusterSnapshot snapshot, String... feasible) {
    CycleState cycle = new CycleState(pod, snapshot);
    List<NodeInfo> nodes = infos(snapshot, feasible);
    Object state = plugin.preScore(cycle, nodes);
    long[] raw = new long[nodes.size()];
    if (state != ScorePlugin.SKIP) {
      for (int i = 0; i < raw.length; i++) {
        raw[i] = plugin.score(cycle, state, nodes.get(i));
      }
      plugin.normalize(cycle, state, nodes, raw);
    }
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < raw.length; i++) {
      out.put(nodes.get(i).name(), raw[i]);
    }
    return out;
  }

  private static List<NodeInfo> infos(ClusterSnapshot snapshot, String... feasible) {
    if (feasible.length == 0) {
      return snapshot.nodes();
    }
    return Arrays.stream(feasible).map(snapshot::get).toList();
  }
}
