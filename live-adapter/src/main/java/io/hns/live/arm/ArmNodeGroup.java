package io.hns.live.arm;

import io.hns.live.PendingWork;
import io.hns.live.config.AgentPoolConfig;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.Times;
import io.hns.model.port.NodeGroup;
import io.hns.model.port.NodeGroupException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An AKS agent pool as the model's {@link NodeGroup}. Resize requests are coalesced: the first
 * opens a window, later ones replace its target (the last target wins), and one PUT goes when the
 * window has passed and the per-pool throttle has a token ({@link #flushDue()}, called by the loop
 * after each reconcile). A 429 keeps the target pending until its Retry-After. While the pool's own
 * autoscaler is on, ARM refuses a count, so growth moves the autoscaler's minimum instead (CA then
 * brings the pool up to it). Which nodes belong to the pool, and the template node, come from
 * Kubernetes (the {@code kubernetes.azure.com/agentpool} label), not from ARM.
 */
public final class ArmNodeGroup implements NodeGroup, PendingWork {
  public static final String POOL_LABEL = "kubernetes.azure.com/agentpool";
  public static final String LEGACY_POOL_LABEL = "agentpool";
  private static final long STATE_MAX_AGE_MS = 30_000;

  private final AgentPoolApi api;
  private final AgentPoolConfig config;
  private final ArmThrottle throttle;
  private final Clock clock;
  private final Supplier<List<Node>> nodes;
  private AgentPoolState state;
  private long stateReadAt = Long.MIN_VALUE;
  private Integer pendingTarget;
  private long windowOpenedAt;
  private String lastError;

  /** @param nodes the cluster's nodes as Kubernetes sees them (the view) */
  public ArmNodeGroup(AgentPoolApi api, AgentPoolConfig config, ArmThrottle throttle, Clock clock, Supplier<List<Node>> nodes) {
    this.api = api;
    this.config = config;
    this.throttle = throttle;
    this.clock = clock;
    this.nodes = nodes;
  }

  @Override
  public String id() {
    return config.pool();
  }

  @Override
  public synchronized int minSize() {
    if (config.minCount() != null) return config.minCount();
    return state().autoscaling() ? state().minCount() : 0;
  }

  @Override
  public synchronized int maxSize() {
    if (config.maxCount() != null) return config.maxCount();
    return state().autoscaling() ? state().maxCount() : 1000;
  }

  @Override
  public synchronized int targetSize() {
    return pendingTarget != null ? pendingTarget : state().count();
  }

  @Override
  public Node templateNode() {
    return poolNodes().stream().filter(Node::ready).findFirst()
        .or(() -> poolNodes().stream().findFirst())
        .orElseThrow(() -> new IllegalStateException("agent pool " + id() + " has no node to copy as a template"));
  }

  @Override
  public boolean contains(Node node) {
    return id().equals(node.labels().get(POOL_LABEL)) || id().equals(node.labels().get(LEGACY_POOL_LABEL));
  }

  @Override
  public synchronized void increaseSize(int delta) throws NodeGroupException {
    if (delta <= 0) {
      throw new IllegalArgumentException("size increase must be positive, was " + delta);
    }
    long now = clock.millis();
    int target = targetSize() + delta;
    if (target > maxSize()) {
      throw new NodeGroupException(NodeGroupException.ErrorClass.OTHER, "MaxSizeReached",
          "agent pool " + id() + ": size " + target + " exceeds the maximum " + maxSize());
    }
    long next = throttle.nextAllowed(now);
    if (next > now + config.coalesceWindow().toMillis()) {
      // Told to wait by ARM (or out of tokens) for longer than a window: refuse now so the caller
      // backs off, as CA does on a throttled IncreaseSize, rather than queue silently.
      throw new NodeGroupException(NodeGroupException.ErrorClass.OTHER, "Throttled",
          "agent pool " + id() + ": ARM throttle, next write at " + Times.format(next));
    }
    if (pendingTarget == null) {
      windowOpenedAt = now;
    }
    pendingTarget = target;
  }

  /** Sends the pending target if its window has passed and the throttle allows. */
  @Override
  public synchronized void flushDue() {
    long now = clock.millis();
    if (pendingTarget == null || now < windowOpenedAt + config.coalesceWindow().toMillis() || !throttle.tryAcquire(now)) {
      return;
    }
    int target = pendingTarget;
    try {
      AgentPoolState s = state();
      if (s.autoscaling()) {
        int min = Math.max(s.minCount(), target);
        int max = Math.max(s.maxCount(), target);
        api.setAutoscalerBounds(min, max);
        state = new AgentPoolState(s.name(), Math.max(s.count(), target), true, min, max, s.vmSize(), "Updating");
      } else {
        api.setCount(target);
        state = new AgentPoolState(s.name(), target, false, s.minCount(), s.maxCount(), s.vmSize(), "Updating");
      }
      stateReadAt = now;
      pendingTarget = null;
      lastError = null;
    } catch (AgentPoolApiException e) {
      if (e.throttled()) {
        long wait = e.retryAfter() != null ? e.retryAfter().toMillis() : 60_000;
        throttle.blockUntil(now + wait);
        return; // still pending: the last target goes once ARM allows
      }
      pendingTarget = null;
      lastError = e.code() + ": " + e.getMessage();
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public synchronized void deleteNodes(List<Node> toDelete) throws NodeGroupException {
    long now = clock.millis();
    for (Node n : toDelete) {
      if (!contains(n)) {
        throw new IllegalArgumentException("node " + n.name() + " is not in agent pool " + id());
      }
    }
    if (targetSize() - toDelete.size() < minSize()) {
      throw new NodeGroupException(NodeGroupException.ErrorClass.OTHER, "MinSizeReached",
          "agent pool " + id() + ": deleting " + toDelete.size() + " would go below the minimum " + minSize());
    }
    if (!throttle.tryAcquire(now)) {
      throw new NodeGroupException(NodeGroupException.ErrorClass.OTHER, "Throttled",
          "agent pool " + id() + ": ARM throttle, next write at " + Times.format(throttle.nextAllowed(now)));
    }
    try {
      api.deleteMachines(toDelete.stream().map(Node::name).toList());
    } catch (AgentPoolApiException e) {
      if (e.throttled()) {
        throttle.blockUntil(now + (e.retryAfter() != null ? e.retryAfter().toMillis() : 60_000));
      }
      throw new NodeGroupException(NodeGroupException.ErrorClass.OTHER, e.throttled() ? "Throttled" : e.code(), e.getMessage());
    }
    AgentPoolState s = state();
    state = new AgentPoolState(s.name(), s.count() - toDelete.size(), s.autoscaling(), s.minCount(), s.maxCount(),
        s.vmSize(), "Updating");
    if (pendingTarget != null) {
      pendingTarget = Math.max(0, pendingTarget - toDelete.size());
    }
  }

  @Override
  public synchronized List<Instance> instances() {
    List<Instance> out = new ArrayList<>();
    List<Node> registered = poolNodes();
    for (Node n : registered) {
      out.add(new Instance(n.name(), Instance.State.RUNNING, n.creationTime(), null, null));
    }
    // Instances ARM was asked for that have not registered yet.
    for (int i = registered.size(); i < state().count(); i++) {
      out.add(new Instance(id() + "-requested-" + i, lastError == null ? Instance.State.CREATING : Instance.State.FAILED,
          stateReadAt, lastError == null ? null : "ArmError", lastError));
    }
    return out;
  }

  /** The pool as ARM last said (re-read when older than 30 s; GETs are not throttled like PUTs). */
  public synchronized AgentPoolState state() {
    long now = clock.millis();
    if (state == null || now - stateReadAt > STATE_MAX_AGE_MS) {
      try {
        state = api.get();
        stateReadAt = now;
      } catch (AgentPoolApiException e) {
        if (state == null) {
          throw new IllegalStateException(e.getMessage(), e);
        }
      }
    }
    return state;
  }

  private List<Node> poolNodes() {
    return nodes.get().stream().filter(this::contains).toList();
  }
}
