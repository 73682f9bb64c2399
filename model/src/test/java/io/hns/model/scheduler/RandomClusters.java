package io.hns.model.scheduler;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.hns.model.cluster.ContainerRequest;
import io.hns.model.cluster.LabelRequirement;
import io.hns.model.cluster.LabelSelector;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.NodeSelectorTerm;
import io.hns.model.cluster.OwnerRef;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodAffinityTerm;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.PreferredTerm;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.cluster.Times;
import io.hns.model.cluster.Toleration;
import io.hns.model.cluster.TopologySpreadConstraint;
import io.hns.model.resource.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random clusters and pods for differential tests: many nodes that are identical but for their
 * name (as VMSS pools are), some that differ in zone, labels, taints, size, images or cordoning, a
 * virtual node, and pods drawn from a few templates (so that siblings share a spec) with every
 * scheduling feature the plugins implement: requests (zero ones too), tolerations, node selectors
 * and affinity (by label and by node name), topology spread constraints (hostname and zone,
 * DoNotSchedule and ScheduleAnyway), inter-pod affinity and anti-affinity, images, owners,
 * priorities and terminating pods.
 */
public final class RandomClusters {
  static final String[] ZONES = {"eastus-1", "eastus-2", "eastus-3"};
  static final String VIRTUAL = "virtual-node-aci-linux";
  static final Taint VIRTUAL_TAINT = new Taint("virtual-kubelet.io/provider", "azure", TaintEffect.NO_SCHEDULE);
  static final Taint DEDICATED = new Taint("dedicated", "batch", TaintEffect.NO_SCHEDULE);
  static final Taint PREFER_NOT = new Taint("spot", "true", TaintEffect.PREFER_NO_SCHEDULE);

  private final SplittableRandom r;
  private final List<PodSpec> templates = new ArrayList<>();
  private final List<Labels> templateLabels = new ArrayList<>();
  private int podSeq;
  private int nodeSeq;

  public RandomClusters(long seed) {
    this.r = new SplittableRandom(seed);
    int n = 4 + r.nextInt(6);
    for (int i = 0; i < n; i++) {
      templates.add(spec(i));
      templateLabels.add(Labels.of("app", "app" + i, "tier", r.nextBoolean() ? "web" : "batch"));
    }
  }

  public SplittableRandom random() {
    return r;
  }

  /** {@code n} nodes (mostly identical VMSS nodes) plus, usually, the virtual node. */
  public List<Node> nodes(int n) {
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(node());
    }
    if (r.nextInt(5) != 0) {
      out.add(virtualNode());
    }
    return out;
  }

  public Node node() {
    String name = String.format("aks-pool-1234-vmss%06d", nodeSeq++);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("agentpool", "pool");
    labels.put("kubernetes.io/os", "linux");
    labels.put(Node.HOSTNAME_LABEL, name);
    if (r.nextInt(10) != 0) {
      labels.put(Node.ZONE_LABEL, ZONES[r.nextInt(ZONES.length)]);
      labels.put(Node.REGION_LABEL, "eastus");
    }
    int variant = r.nextInt(10);
    if (variant == 0) {
      labels.put("disk", "ssd");
    }
    long cpu = variant == 1 ? 1900 : variant == 2 ? 7820 : 3860;
    long mem = variant == 1 ? 5L << 30 : variant == 2 ? 27L << 30 : 12L << 30;
    long pods = r.nextInt(8) == 0 ? 8 : 110;
    Resources alloc = new Resources(cpu, mem, 100L << 30, pods, variant == 3
        ? ImmutableMap.of("nvidia.com/gpu", 1L) : ImmutableMap.of());
    ImmutableList<Taint> taints = switch (r.nextInt(12)) {
      case 0 -> ImmutableList.of(DEDICATED);
      case 1 -> ImmutableList.of(PREFER_NOT);
      default -> ImmutableList.of();
    };
    ImmutableMap<String, Long> images = r.nextInt(4) == 0
        ? ImmutableMap.of("nginx:latest", 60L << 20, "docker.io/library/nginx:latest", 60L << 20)
        : r.nextInt(6) == 0 ? ImmutableMap.of("redis:7", 300L << 20) : ImmutableMap.of();
    return new Node(name, Labels.of(labels), Labels.EMPTY, taints, alloc, alloc, r.nextInt(25) == 0, true,
        "azure:///" + name, Times.UNSET, images);
  }

  public static Node virtualNode() {
    Resources alloc = new Resources(10_000_000, 4L << 40, 0, 5000, ImmutableMap.of());
    return new Node(VIRTUAL, Labels.of("type", "virtual-kubelet", Node.HOSTNAME_LABEL, VIRTUAL,
        "kubernetes.io/role", "agent"), Labels.EMPTY, ImmutableList.of(VIRTUAL_TAINT), alloc, alloc, false, true, "",
        Times.UNSET, ImmutableMap.of());
  }

  /** A new pending pod from one of the templates (or, rarely, a one-off spec). */
  public Pod pod() {
    int t = r.nextInt(templates.size());
    PodSpec spec = r.nextInt(15) == 0 ? spec(100 + r.nextInt(1000)) : templates.get(t);
    Pod.Builder b = Pod.builder(r.nextInt(6) == 0 ? "other" : "apps", "p" + (podSeq++), spec)
        .uid("uid-p" + podSeq).labels(templateLabels.get(t)).creationTime(podSeq);
    if (r.nextInt(6) != 0) {
      String rs = "rs-" + t + (r.nextInt(5) == 0 ? "b" : "");
      b.owner(new OwnerRef(r.nextInt(10) == 0 ? "StatefulSet" : "ReplicaSet", rs, "uid-" + rs));
    }
    return b.build();
  }

  /** The pod bound to {@code node}, sometimes already terminating. */
  public Pod bind(Pod pod, String node) {
    Pod.Builder b = pod.toBuilder().nodeName(node).phase(PodPhase.RUNNING);
    if (r.nextInt(20) == 0) {
      b.deletionTime(1000);
    }
    return b.build();
  }

  private PodSpec spec(int seed) {
    SplittableRandom s = new SplittableRandom(seed * 7919L + r.nextLong());
    PodSpec.Builder b = PodSpec.builder();
    long[] cpus = {0, 100, 250, 500, 1000, 1500, 3000};
    long[] mems = {0, 128L << 20, 256L << 20, 1L << 30, 4L << 30};
    long cpu = cpus[s.nextInt(cpus.length)];
    long mem = mems[s.nextInt(mems.length)];
    b.requests(cpu, mem);
    if (s.nextInt(10) == 0) {
      b.requests = new Resources(cpu, mem, 0, 0, ImmutableMap.of("nvidia.com/gpu", 1L));
    }
    if (s.nextInt(3) == 0) {
      b.containers = ImmutableList.of(new ContainerRequest("c", s.nextBoolean() ? "nginx" : "redis:7", cpu, mem));
    }
    List<Toleration> tol = new ArrayList<>();
    if (s.nextInt(2) == 0) tol.add(Toleration.exists("virtual-kubelet.io/provider"));
    if (s.nextInt(6) == 0) tol.add(new Toleration("dedicated", Toleration.Operator.EQUAL, "batch", TaintEffect.NO_SCHEDULE));
    if (s.nextInt(8) == 0) tol.add(Toleration.exists("spot"));
    if (s.nextInt(10) == 0) tol.add(Toleration.exists("node.kubernetes.io/unschedulable"));
    b.tolerations = ImmutableList.copyOf(tol);
    int sel = s.nextInt(14);
    if (sel == 0) b.nodeSelector = ImmutableMap.of("disk", "ssd");
    if (sel == 1) b.nodeSelector = ImmutableMap.of(Node.HOSTNAME_LABEL, String.format("aks-pool-1234-vmss%06d", s.nextInt(20)));
    if (sel == 2) b.nodeSelector = ImmutableMap.of("kubernetes.io/os", "linux");
    int aff = s.nextInt(12);
    if (aff == 0) {
      b.required(NodeSelectorTerm.of(List.of(LabelRequirement.of(Node.ZONE_LABEL, LabelRequirement.Operator.IN,
          ZONES[0], ZONES[1])), List.of()));
    } else if (aff == 1) {
      b.required(NodeSelectorTerm.of(List.of(), List.of(LabelRequirement.of(NodeSelectorTerm.NODE_NAME_FIELD,
          LabelRequirement.Operator.IN, String.format("aks-pool-1234-vmss%06d", s.nextInt(20))))),
          NodeSelectorTerm.of(List.of(), List.of(LabelRequirement.of(NodeSelectorTerm.NODE_NAME_FIELD,
          LabelRequirement.Operator.IN, VIRTUAL))));
    } else if (aff == 2) {
      b.required(NodeSelectorTerm.of(List.of(LabelRequirement.of("type", LabelRequirement.Operator.NOT_IN,
          "virtual-kubelet")), List.of()));
    }
    int pref = s.nextInt(6);
    if (pref == 0) {
      b.preferred(new PreferredTerm(1 + s.nextInt(100), NodeSelectorTerm.of(List.of(LabelRequirement.of("type",
          LabelRequirement.Operator.NOT_IN, "virtual-kubelet")), List.of())));
    } else if (pref == 1) {
      b.preferred(new PreferredTerm(10, NodeSelectorTerm.of(List.of(LabelRequirement.of(Node.ZONE_LABEL,
          LabelRequirement.Operator.IN, ZONES[2])), List.of())),
          new PreferredTerm(5, NodeSelectorTerm.of(List.of(LabelRequirement.of(Node.HOSTNAME_LABEL,
          LabelRequirement.Operator.IN, String.format("aks-pool-1234-vmss%06d", s.nextInt(20)))), List.of())));
    } else if (pref == 2) {
      b.preferred(new PreferredTerm(20, NodeSelectorTerm.of(List.of(), List.of(LabelRequirement.of(
          NodeSelectorTerm.NODE_NAME_FIELD, LabelRequirement.Operator.IN, String.format("aks-pool-1234-vmss%06d",
          s.nextInt(20)))))));
    }
    String app = "app" + s.nextInt(8);
    LabelSelector selector = LabelSelector.matchLabels("app", app);
    List<TopologySpreadConstraint> spread = new ArrayList<>();
    int sp = s.nextInt(8);
    if (sp == 0) spread.add(new TopologySpreadConstraint(1 + s.nextInt(2), Node.HOSTNAME_LABEL, s.nextBoolean(), selector));
    if (sp == 1) spread.add(new TopologySpreadConstraint(1 + s.nextInt(3), Node.ZONE_LABEL, s.nextBoolean(), selector));
    if (sp == 2) {
      spread.add(new TopologySpreadConstraint(2, Node.ZONE_LABEL, true, selector));
      spread.add(new TopologySpreadConstraint(3, Node.HOSTNAME_LABEL, true, selector));
    }
    b.spreadConstraints = ImmutableList.copyOf(spread);
    int pa = s.nextInt(10);
    String key = s.nextBoolean() ? Node.HOSTNAME_LABEL : Node.ZONE_LABEL;
    PodAffinityTerm term = new PodAffinityTerm(selector, s.nextInt(4) == 0 ? ImmutableSet.of("apps", "other")
        : ImmutableSet.of(), key, 1 + s.nextInt(100));
    if (pa == 0) b.requiredPodAntiAffinity = ImmutableList.of(term);
    if (pa == 1) b.requiredPodAffinity = ImmutableList.of(term);
    if (pa == 2) b.preferredPodAffinity = ImmutableList.of(term);
    if (pa == 3) b.preferredPodAntiAffinity = ImmutableList.of(term);
    b.priority = s.nextInt(5) == 0 ? -5 : s.nextInt(5) == 0 ? 100 : 0;
    if (s.nextInt(40) == 0) b.nodeName = String.format("aks-pool-1234-vmss%06d", s.nextInt(20));
    return b.build();
  }
}
