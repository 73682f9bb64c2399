package io.hns.simulator.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a sweep's tasks on a fixed pool of threads in this JVM. Simulations share nothing, so the
 * only coordination is the completion queue that brings records back to the calling thread.
 */
public final class LocalSweepEngine implements SweepEngine {
  private final int threads;
  private final ExecutorService pool;

  public LocalSweepEngine(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    this.pool = Executors.newFixedThreadPool(threads, daemonThreads());
  }

  /** As many threads as the machine has processors. */
  public static LocalSweepEngine allCores() {
    return new LocalSweepEngine(Runtime.getRuntime().availableProcessors());
  }

  @Override
  public String describe() {
    return "local (" + threads + (threads == 1 ? " thread)" : " threads)");
  }

  @Override
  public void execute(List<RunTask> tasks, TaskRunner runner, Consumer<RunRecord> results) throws InterruptedException {
    CompletionService<RunRecord> done = new ExecutorCompletionService<>(pool);
    List<Future<RunRecord>> futures = new ArrayList<>(tasks.size());
    for (RunTask t : tasks) {
      futures.add(done.submit(() -> {
        try {
          return runner.run(t);
        } catch (RuntimeException | Error e) {
          throw new TaskFailedException(t, e);
        }
      }));
    }
    try {
      for (int i = 0; i < tasks.size(); i++) {
        results.accept(done.take().get());
      }
    } catch (ExecutionException e) {
      cancel(futures);
      if (e.getCause() instanceof TaskFailedException f) {
        throw f;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException | RuntimeException e) {
      cancel(futures);
      throw e;
    }
  }

  private static void cancel(List<Future<RunRecord>> futures) {
    futures.forEach(f -> f.cancel(true));
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** Daemon threads: an interrupted sweep (Ctrl-C) must not wait for runs in flight to end. */
  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "hns-plan-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
