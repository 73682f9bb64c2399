package io.hns.model.cluster;

/**
 * A pod: identity, labels, its compiled spec (shared with its siblings) and status.
 *
 * @param nodeName the node it is bound to, empty while unassigned
 * @param ready the Ready condition
 * @param readyTransitionTime the Ready condition's lastTransitionTime
 * @param unschedulable PodScheduled=False with reason Unschedulable, which the cluster autoscaler
 *     watches
 * @param reason {@code status.reason} (for example ProviderFailed), empty if none
 */
public record Pod(
    String namespace,
    String name,
    String uid,
    Labels labels,
    Labels annotations,
    OwnerRef owner,
    PodSpec spec,
    String nodeName,
    PodPhase phase,
    ConditionStatus ready,
    long readyTransitionTime,
    long creationTime,
    long startTime,
    long deletionTime,
    int restartCount,
    boolean unschedulable,
    String reason) {

  public static final String DELETION_COST_ANNOTATION = "controller.kubernetes.io/pod-deletion-cost";

  public Pod {
    namespace = namespace == null || namespace.isEmpty() ? "default" : Labels.intern(namespace);
    uid = uid == null ? "" : uid;
    labels = labels == null ? Labels.EMPTY : labels;
    annotations = annotations == null ? Labels.EMPTY : annotations;
    nodeName = nodeName == null ? "" : nodeName;
    phase = phase == null ? PodPhase.PENDING : phase;
    ready = ready == null ? ConditionStatus.ABSENT : ready;
    reason = reason == null ? "" : reason;
  }

  public boolean isAssigned() {
    return !nodeName.isEmpty();
  }

  public boolean isReady() {
    return ready == ConditionStatus.TRUE;
  }

  public boolean isDeleting() {
    return deletionTime != Times.UNSET;
  }

  /** {@code controller.FilterActivePods}: not terminal and not being deleted. */
  public boolean isActive() {
    return !phase.isTerminal() && !isDeleting();
  }

  public String key() {
    return namespace + "/" + name;
  }

  /** The identity as a map key, cheaper to hash than {@link #key()}. */
  public PodRef ref() {
    return new PodRef(namespace, name);
  }

  public static Builder builder(String namespace, String name, PodSpec spec) {
    return new Builder(namespace, name, spec);
  }

  public Builder toBuilder() {
    Builder b = new Builder(namespace, name, spec);
    b.uid = uid;
    b.labels = labels;
    b.annotations = annotations;
    b.owner = owner;
    b.nodeName = nodeName;
    b.phase = phase;
    b.ready = ready;
    b.readyTransitionTime = readyTransitionTime;
    b.creationTime = creationTime;
    b.startTime = startTime;
    b.deletionTime = deletionTime;
    b.restartCount = restartCount;
    b.unschedulable = unschedulable;
    b.reason = reason;
    return b;
  }

  public Pod withNodeName(String node) {
    return toBuilder().nodeName(node).unschedulable(false).build();
  }

  /** Mutable builder for {@link Pod}. */
  public static final class Builder {
    private final String namespace;
    private final String name;
    private final PodSpec spec;
    private String uid = "";
    private Labels labels = Labels.EMPTY;
    private Labels annotations = Labels.EMPTY;
    private OwnerRef owner;
    private String nodeName = "";
    private PodPhase phase = PodPhase.PENDING;
    private ConditionStatus ready = ConditionStatus.ABSENT;
    private long readyTransitionTime = Times.UNSET;
    private long creationTime = Times.UNSET;
    private long startTime = Times.UNSET;
    private long deletionTime = Times.UNSET;
    private int restartCount;
    private boolean unschedulable;
    private String reason = "";

    private Builder(String namespace, String name, PodSpec spec) {
      this.namespace = namespace;
      this.name = name;
      this.spec = spec;
    }

    public Builder uid(String v) { this.uid = v; return this; }
    public Builder labels(Labels v) { this.labels = v; return this; }
    public Builder annotations(Labels v) { this.annotations = v; return this; }
    public Builder owner(OwnerRef v) { this.owner = v; return this; }
    public Builder nodeName(String v) { this.nodeName = v; return this; }
    public Builder phase(PodPhase v) { this.phase = v; return this; }
    public Builder ready(ConditionStatus v, long transitionTime) {
      this.ready = v;
      this.readyTransitionTime = transitionTime;
      return this;
    }
    public Builder creationTime(long v) { this.creationTime = v; return this; }
    public Builder startTime(long v) { this.startTime = v; return this; }
    public Builder deletionTime(long v) { this.deletionTime = v; return this; }
    public Builder restartCount(int v) { this.restartCount = v; return this; }
    public Builder unschedulable(boolean v) { this.unschedulable = v; return this; }
    public Builder reason(String v) { this.reason = v; return this; }

    public Pod build() {
      return new Pod(namespace, name, uid, labels, annotations, owner, spec, nodeName, phase, ready,
          readyTransitionTime, creationTime, startTime, deletionTime, restartCount, unschedulable, reason);
    }
  }
}
