package io.hns.live;

import io.hns.model.cluster.Times;

/**
 * One thing a policy decided, and what became of it.
 *
 * @param action a verb: scale, create-pod, delete-pod, evict-pod, taint-node, untaint-node,
 *     patch-template, deletion-cost, event
 * @param target {@code kind/namespace/name}
 * @param detail what exactly (new replicas, the patch, ...)
 * @param reason the policy's reason: what it saw that made it decide
 */
public record Decision(long time, String policy, String action, String target, String detail, String reason,
    Outcome outcome) {

  /** What the loop did with the decision. */
  public enum Outcome {
    /** Sent to the cluster. */
    APPLIED("applied"),
    /** Dry run (no --apply): printed only. */
    DRY_RUN("would"),
    /** Not the leader: another replica acts. */
    NOT_LEADER("withheld (not leader)"),
    /** The guard stopped acting: observing only. */
    GUARD_STOPPED("withheld (guard stopped acting)"),
    /** Over a bound or outside the allowed namespaces. */
    REFUSED("refused by bounds"),
    /** The cluster said no for now (PDB 429, ARM throttle): retried by a later loop. */
    DEFERRED("deferred"),
    /** The call failed. */
    FAILED("failed");

    private final String words;

    Outcome(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  public Decision withOutcome(Outcome o, String extra) {
    return new Decision(time, policy, action, target, extra == null ? detail : detail + "; " + extra, reason, o);
  }

  /** One line for people: {@code 12:00:01Z burst [would] scale deployment/web/api to 5 -- because ...}. */
  public String format() {
    return Times.format(time) + " " + policy + " [" + outcome.words() + "] " + action + " " + target
        + (detail.isEmpty() ? "" : " " + detail) + (reason.isEmpty() ? "" : " -- because " + reason);
  }
}
