package io.hns.model.scheduler;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.resource.Resources;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A node with the pods assigned to it and their summed requests, as the scheduler framework's
 * {@code NodeInfo}: {@code requested} sums actual requests (NodeResourcesFit filter,
 * BalancedAllocation), {@code nonZeroRequested} sums requests with the 100m/200Mi floor
 * (LeastAllocated). Mutable, owned by one {@link ClusterSnapshot}.
 */
public final class NodeInfo {
  private Node node;
  private final List<Pod> pods = new ArrayList<>();
  /** Built on first use (what-if snapshots that only filter never need it), then kept. */
  private Map<String, Integer> podsByOwnerUid;
  private long requestedCpu;
  private long requestedMemory;
  private long requestedEphemeral;
  private Map<String, Long> requestedScalars = Map.of();
  private long nonZeroCpu;
  private long nonZeroMemory;
  private int podsWithAffinity;
  private int podsWithRequiredAntiAffinity;
  private int podsDeleting;
  /** The interned static part of the node (see {@link NodeStatic}), computed when first needed. */
  private NodeStatic nodeStatic;
  /** A hash of the sums that plugins read (not of the pods' identities), kept by {@link #apply}. */
  private long sumsHash;
  private boolean sumsHashed;

  /** The node's {@code topology.kubernetes.io/zone} label, "" when it has none. */
  private String zone;

  NodeInfo(Node node) {
    this.node = node;
    this.zone = zoneOf(node);
  }

  private static String zoneOf(Node node) {
    String z = node.labels().get(Node.ZONE_LABEL);
    return z == null ? "" : z;
  }

  String zone() {
    return zone;
  }

  /** Non-terminating pods by controller UID (read-only). */
  Map<String, Integer> podsByOwnerUid() {
    if (podsByOwnerUid == null) {
      Map<String, Integer> m = new HashMap<>();
      for (Pod p : pods) {
        if (countsAsOwned(p)) {
          m.merge(p.owner().uid(), 1, Integer::sum);
        }
      }
      podsByOwnerUid = m;
    }
    return podsByOwnerUid;
  }

  /** Whether the pod counts in {@link #podsOwnedBy}. */
  static boolean countsAsOwned(Pod pod) {
    return pod.owner() != null && !pod.isDeleting();
  }

  public Node node() {
    return node;
  }

  void setNode(Node n) {
    if (n != node) {
      nodeStatic = null;
    }
    this.node = n;
    this.zone = zoneOf(n);
  }

  /** The static part, interned in {@code interner} on first use after the node object changed. */
  NodeStatic nodeStatic(NodeStatic.Interner interner) {
    NodeStatic s = nodeStatic;
    if (s == null) {
      s = interner.intern(node);
      nodeStatic = s;
    }
    return s;
  }

  long sumsHash() {
    if (!sumsHashed) {
      rehashSums();
    }
    return sumsHash;
  }

  /**
   * Whether every sum the plugins read is equal on both nodes: pod count, requests (actual and
   * non-zero) of cpu, memory, ephemeral storage and scalar resources.
   */
  boolean sameSums(NodeInfo o) {
    return pods.size() == o.pods.size() && requestedCpu == o.requestedCpu && requestedMemory == o.requestedMemory
        && nonZeroCpu == o.nonZeroCpu && nonZeroMemory == o.nonZeroMemory
        && requestedEphemeral == o.requestedEphemeral
        && (requestedScalars == o.requestedScalars || requestedScalars.equals(o.requestedScalars));
  }

  private void rehashSums() {
    long h = pods.size();
    h = h * 0x9E3779B97F4A7C15L + requestedCpu;
    h = h * 0x9E3779B97F4A7C15L + requestedMemory;
    h = h * 0x9E3779B97F4A7C15L + nonZeroCpu;
    h = h * 0x9E3779B97F4A7C15L + nonZeroMemory;
    h = h * 0x9E3779B97F4A7C15L + requestedEphemeral;
    h = h * 0x9E3779B97F4A7C15L + requestedScalars.hashCode();
    sumsHash = h;
    sumsHashed = true;
  }

  public String name() {
    return node.name();
  }

  public List<Pod> pods() {
    return Collections.unmodifiableList(pods);
  }

  public int podCount() {
    return pods.size();
  }

  public long requestedCpu() {
    return requestedCpu;
  }

  public long requestedMemory() {
    return requestedMemory;
  }

  public long requestedEphemeral() {
    return requestedEphemeral;
  }

  public long requestedScalar(String name) {
    return requestedScalars.getOrDefault(name, 0L);
  }

  public long nonZeroCpu() {
    return nonZeroCpu;
  }

  public long nonZeroMemory() {
    return nonZeroMemory;
  }

  /**
   * Pods on this node whose controlling owner has this UID, not counting pods being deleted: the
   * spreading plugins ignore terminating pods (podtopologyspread {@code countPodsMatchSelector},
   * 1.19 selectorspread {@code countMatchingPods}).
   */
  public int podsOwnedBy(String ownerUid) {
    return podsByOwnerUid().getOrDefault(ownerUid, 0);
  }

  // A few (selector, namespace) -> count results, forgotten when the pods change.
  private io.hns.model.cluster.LabelSelector[] memoSelector;
  private String[] memoNamespace;
  private int[] memoCount;
  private int memoNext;

  /**
   * The pods here in {@code namespace}, not being deleted, whose labels {@code selector} matches
   * (PodTopologySpread's {@code countPodsMatchSelector}); remembered until the node's pods change,
   * since the same selector is counted on every node in every cycle of its workload's pods.
   */
  public int countMatching(io.hns.model.cluster.LabelSelector selector, String namespace) {
    if (memoSelector != null) {
      for (int i = 0; i < memoSelector.length; i++) {
        if (memoSelector[i] == selector && namespace.equals(memoNamespace[i])) {
          return memoCount[i];
        }
      }
    } else {
      memoSelector = new io.hns.model.cluster.LabelSelector[4];
      memoNamespace = new String[4];
      memoCount = new int[4];
    }
    int n = 0;
    for (Pod p : pods) {
      if (!p.isDeleting() && p.namespace().equals(namespace) && selector.matches(p.labels())) {
        n++;
      }
    }
    int slot = memoNext;
    memoNext = (memoNext + 1) & 3;
    memoSelector[slot] = selector;
    memoNamespace[slot] = namespace;
    memoCount[slot] = n;
    return n;
  }

  /** Pods here being deleted (with a deletion time). */
  public int podsDeleting() {
    return podsDeleting;
  }

  public boolean hasPodsWithAffinity() {
    return podsWithAffinity > 0;
  }

  public boolean hasPodsWithRequiredAntiAffinity() {
    return podsWithRequiredAntiAffinity > 0;
  }

  /** The requests of all pods here: what the cluster autoscaler calls node utilization. */
  public Resources requested() {
    return new Resources(requestedCpu, requestedMemory, requestedEphemeral, pods.size(),
        com.google.common.collect.ImmutableMap.copyOf(requestedScalars));
  }

  void add(Pod pod) {
    pods.add(pod);
    apply(pod, 1);
  }

  /** The index of the last pod of that namespace and name, or -1. */
  int find(Pod pod) {
    for (int i = pods.size() - 1; i >= 0; i--) {
      Pod p = pods.get(i);
      if (p.name().equals(pod.name()) && p.namespace().equals(pod.namespace())) {
        return i;
      }
    }
    return -1;
  }

  Pod get(int index) {
    return pods.get(index);
  }

  Pod removeAt(int index) {
    Pod p = pods.remove(index);
    apply(p, -1);
    return p;
  }

  void insertAt(int index, Pod pod) {
    pods.add(index, pod);
    apply(pod, 1);
  }

  /** Replaces the pod at {@code index}; returns the record replaced. */
  Pod setAt(int index, Pod pod) {
    Pod p = pods.get(index);
    apply(p, -1);
    pods.set(index, pod);
    apply(pod, 1);
    return p;
  }

  /** The scalar sums map itself, to restore it exactly when a change is undone. */
  Map<String, Long> scalarsMap() {
    return requestedScalars;
  }

  void restoreScalars(Map<String, Long> m) {
    requestedScalars = m;
    sumsHashed = false;
  }

  private void apply(Pod pod, int sign) {
    Resources r = pod.spec().requests();
    Resources nz = pod.spec().nonZeroRequests();
    requestedCpu += sign * r.milliCpu();
    requestedMemory += sign * r.memory();
    requestedEphemeral += sign * r.ephemeralStorage();
    if (!r.scalars().isEmpty()) {
      Map<String, Long> m = new HashMap<>(requestedScalars);
      r.scalars().forEach((k, v) -> m.merge(k, sign * v, Long::sum));
      requestedScalars = m;
    }
    nonZeroCpu += sign * nz.milliCpu();
    nonZeroMemory += sign * nz.memory();
    if (podsByOwnerUid != null && countsAsOwned(pod)) {
      podsByOwnerUid.merge(pod.owner().uid(), sign, (a, b) -> a + b == 0 ? null : a + b);
    }
    if (pod.spec().hasPodAffinity()) {
      podsWithAffinity += sign;
    }
    if (pod.isDeleting()) {
      podsDeleting += sign;
    }
    if (!pod.spec().requiredPodAntiAffinity().isEmpty()) {
      podsWithRequiredAntiAffinity += sign;
    }
    sumsHashed = false;
    if (memoSelector != null) {
      java.util.Arrays.fill(memoSelector, null);
    }
  }

  int podsWithAffinityCount() {
    return podsWithAffinity;
  }

  int podsWithRequiredAntiAffinityCount() {
    return podsWithRequiredAntiAffinity;
  }
}
