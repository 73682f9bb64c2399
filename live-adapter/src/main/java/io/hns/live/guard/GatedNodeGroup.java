package io.hns.live.guard;

import io.hns.live.Decision;
import io.hns.live.Decision.Outcome;
import io.hns.live.DecisionSink;
import io.hns.model.cluster.Node;
import io.hns.model.port.NodeGroup;
import io.hns.model.port.NodeGroupException;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A node group as a policy sees it in the live loop: reads pass through; resizes are decisions,
 * carried out only when acting and within the node growth bound. A refused or withheld increase
 * throws nothing: to the policy it looks like a request the cloud has not fulfilled yet.
 */
public final class GatedNodeGroup implements NodeGroup {
  private final NodeGroup group;
  private final Mode mode;
  private final NodeGrowthBudget growth;
  private final ExpectationGuard guard;
  private final DecisionSink sink;
  private final String policy;
  private final LongSupplier now;

  public GatedNodeGroup(NodeGroup group, Mode mode, NodeGrowthBudget growth, ExpectationGuard guard, DecisionSink sink,
      String policy, LongSupplier now) {
    this.group = group;
    this.mode = mode;
    this.growth = growth;
    this.guard = guard;
    this.sink = sink;
    this.policy = policy;
    this.now = now;
  }

  @Override
  public String id() {
    return group.id();
  }

  @Override
  public int minSize() {
    return group.minSize();
  }

  @Override
  public int maxSize() {
    return group.maxSize();
  }

  @Override
  public int targetSize() {
    return group.targetSize();
  }

  @Override
  public Node templateNode() {
    return group.templateNode();
  }

  @Override
  public boolean contains(Node node) {
    return group.contains(node);
  }

  @Override
  public void increaseSize(int delta) throws NodeGroupException {
    int target = group.targetSize() + delta;
    Decision d = new Decision(now.getAsLong(), policy, "increase-size", "nodegroup/" + group.id(),
        "by " + delta + " to " + target, "", Outcome.DRY_RUN);
    if (mode != Mode.ACTING) {
      sink.accept(d.withOutcome(mode.withheld(), null));
      return;
    }
    int ceiling = growth.ceiling(group.id(), group.targetSize());
    if (target > ceiling) {
      sink.accept(d.withOutcome(Outcome.REFUSED, "at most " + growth.maxNodesAdded() + " nodes added (ceiling " + ceiling + ")"));
      return;
    }
    try {
      group.increaseSize(delta);
      guard.recordSuccess();
      sink.accept(d.withOutcome(Outcome.APPLIED, null));
    } catch (NodeGroupException e) {
      // A cloud refusal (quota, throttle) is the policy's to handle, as CA backs off; not an error streak.
      sink.accept(d.withOutcome(Outcome.DEFERRED, e.code() + ": " + e.getMessage()));
      throw e;
    } catch (RuntimeException e) {
      guard.recordError("increase " + group.id() + ": " + e.getMessage());
      sink.accept(d.withOutcome(Outcome.FAILED, e.getMessage()));
    }
  }

  @Override
  public void deleteNodes(List<Node> nodes) throws NodeGroupException {
    Decision d = new Decision(now.getAsLong(), policy, "delete-nodes", "nodegroup/" + group.id(),
        nodes.stream().map(Node::name).toList().toString(), "", Outcome.DRY_RUN);
    if (mode != Mode.ACTING) {
      sink.accept(d.withOutcome(mode.withheld(), null));
      return;
    }
    try {
      group.deleteNodes(nodes);
      guard.recordSuccess();
      sink.accept(d.withOutcome(Outcome.APPLIED, null));
    } catch (NodeGroupException e) {
      sink.accept(d.withOutcome(Outcome.DEFERRED, e.code() + ": " + e.getMessage()));
      throw e;
    } catch (RuntimeException e) {
      guard.recordError("delete nodes of " + group.id() + ": " + e.getMessage());
      sink.accept(d.withOutcome(Outcome.FAILED, e.getMessage()));
    }
  }

  @Override
  public List<Instance> instances() {
    return group.instances();
  }
}
