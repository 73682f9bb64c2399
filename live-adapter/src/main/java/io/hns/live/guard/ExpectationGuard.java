package io.hns.live.guard;

import io.hns.model.port.ClusterView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Stops the live loop from acting when the cluster disagrees with what it expects: an action's
 * effect not seen in the informers within the timeout (someone else is fighting us, a webhook
 * rewrote the object, the watch is stale), or several API errors in a row. Once tripped it stays
 * tripped until restart: a person should look before hns acts again. Observing goes on.
 */
public final class ExpectationGuard {
  private record Expectation(String what, long deadline, Predicate<ClusterView> met) {}

  private final long timeoutMs;
  private final int maxConsecutiveErrors;
  private final List<Expectation> pending = new ArrayList<>();
  private int consecutiveErrors;
  private String trippedBecause;

  public ExpectationGuard(Duration timeout, int maxConsecutiveErrors) {
    this.timeoutMs = timeout.toMillis();
    this.maxConsecutiveErrors = maxConsecutiveErrors;
  }

  /** After an action: {@code met} must hold in some view within the timeout. */
  public synchronized void expect(String what, long now, Predicate<ClusterView> met) {
    pending.add(new Expectation(what, now + timeoutMs, met));
  }

  /** Checks pending expectations against a fresh view; trips on one overdue. */
  public synchronized void observe(ClusterView view) {
    long now = view.now();
    for (Iterator<Expectation> it = pending.iterator(); it.hasNext(); ) {
      Expectation e = it.next();
      if (e.met().test(view)) {
        it.remove();
      } else if (now >= e.deadline() && trippedBecause == null) {
        trippedBecause = "expected " + e.what() + " within " + timeoutMs / 1000 + " s, the cluster still disagrees";
      }
    }
  }

  public synchronized void recordSuccess() {
    consecutiveErrors = 0;
  }

  public synchronized void recordError(String what) {
    consecutiveErrors++;
    if (consecutiveErrors >= maxConsecutiveErrors && trippedBecause == null) {
      trippedBecause = consecutiveErrors + " API errors in a row, the last: " + what;
    }
  }

  public synchronized boolean tripped() {
    return trippedBecause != null;
  }

  /** Why it tripped, or null. */
  public synchronized String reason() {
    return trippedBecause;
  }

  public synchronized int pendingExpectations() {
    return pending.size();
  }
}
