package io.hns.emulator;

import io.hns.simulator.scenario.CompiledScenario;
import io.hns.simulator.scenario.ScenarioCompiler;
import io.hns.simulator.scenario.ScenarioSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A running emulator: the simulated AKS cluster of a scenario (without its scripted actions),
 * its Kubernetes API on 127.0.0.1, and a driver thread that advances simulated time at
 * {@code speed} times real time. All access to the simulation and the store is serialized by one
 * lock: each API request first lets the simulation catch up with the wall clock, then acts, then
 * runs the events its action caused at the same instant (a Deployment's ReplicaSet and pods exist,
 * and are bound, when {@code kubectl apply} returns), then mirrors the state into the store.
 */
public final class Emulator implements AutoCloseable {
  /** Longest real sleep of the driver between two catch-ups. */
  static final long MAX_TICK_MS = 20;

  private final ReentrantLock lock = new ReentrantLock();
  private final EmulatedAks aks;
  private final SimClock clock;
  private final ObjectStore store = new ObjectStore();
  private final Mirror mirror;
  private final ClientWrites writes;
  private final ApiServer server;
  private final Thread driver;
  private volatile boolean running = true;

  private Emulator(CompiledScenario scenario, SystemPodSpecs systemSpecs, int port, double speed) throws IOException {
    this.clock = new SimClock(speed);
    this.aks = new EmulatedAks(scenario);
    this.mirror = new Mirror(aks, store, clock, systemSpecs);
    aks.listen(mirror);
    this.writes = new ClientWrites(aks, store, mirror, clock);
    aks.populate();
    aks.engine().runUntil(0);
    writes.createInitialNamespaces();
    mirror.sync();
    this.server = new ApiServer(this, port);
    this.driver = new Thread(this::drive, "hns-emulator-clock");
    this.driver.setDaemon(true);
  }

  /**
   * Starts the emulator on {@code 127.0.0.1:port} (0: any free port) for a scenario
   * ({@code builtin:seed}, or a file).
   */
  public static Emulator start(String scenario, int port, double speed) {
    ScenarioSource source = ScenarioSource.of(scenario);
    CompiledScenario compiled = ScenarioCompiler.load(source);
    return start(compiled, SystemPodSpecs.load(source), port, speed);
  }

  /** Starts the emulator for an already compiled scenario (system pods are shown from the model). */
  public static Emulator start(CompiledScenario scenario, int port, double speed) {
    return start(scenario, SystemPodSpecs.none(), port, speed);
  }

  private static Emulator start(CompiledScenario scenario, SystemPodSpecs specs, int port, double speed) {
    try {
      Emulator e = new Emulator(scenario, specs, port, speed);
      e.server.start();
      e.driver.start();
      return e;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code action} under the lock, between a catch-up with the wall clock and a sync of the store. */
  <T> T locked(Supplier<T> action) {
    lock.lock();
    try {
      advance();
      T result = action.get();
      settle();
      return result;
    } finally {
      lock.unlock();
    }
  }

  private void advance() {
    long target = clock.simNow();
    if (target > aks.engine().now()) {
      aks.engine().runUntil(target);
    }
  }

  /**
   * Runs what is due at the current instant (zero-delay reactions), then mirrors the state: what a
   * request must do before it reads back an object that the simulation, not the store, holds (a
   * created pod is in the simulated cluster at once, in the store only after the mirror's sync).
   */
  void settle() {
    aks.engine().runUntil(aks.engine().now());
    mirror.sync();
  }

  private void drive() {
    while (running) {
      long next;
      lock.lock();
      try {
        advance();
        mirror.sync();
        next = aks.engine().nextEventTime();
      } catch (RuntimeException e) {
        System.err.println("hns emulate: simulation error at t=" + aks.engine().now() + " ms: " + e);
        e.printStackTrace();
        next = -1;
      } finally {
        lock.unlock();
      }
      long sleep = next < 0 ? MAX_TICK_MS : Math.max(1, Math.min(MAX_TICK_MS, clock.realDelayUntil(next)));
      try {
        Thread.sleep(sleep);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  public int port() {
    return server.port();
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public double speed() {
    return clock.speed();
  }

  /** Simulated milliseconds since the start. */
  public long simulatedMs() {
    lock.lock();
    try {
      return aks.engine().now();
    } finally {
      lock.unlock();
    }
  }

  public String scenarioName() {
    return aks.scenario().name();
  }

  public String kubernetesVersion() {
    return aks.kubernetesVersion();
  }

  /** Writes a kubeconfig whose current context is this emulator (plain HTTP, no credentials). */
  public void writeKubeconfig(Path file) {
    String text = kubeconfig(url(), "hns-" + aks.scenario().name().replaceAll("[^A-Za-z0-9_.-]", "-"));
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the kubeconfig " + file + ": " + e.getMessage(), e);
    }
  }

  static String kubeconfig(String server, String name) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: %2$s
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            user: %1$s
            namespace: default
        current-context: %1$s
        users:
        - name: %1$s
          user: {}
        preferences: {}
        """.formatted(name, server);
  }

  @Override
  public void close() {
    running = false;
    driver.interrupt();
    try {
      driver.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.closeAll();
    server.stop();
  }

  // ---- for the API server ------------------------------------------------------------------

  EmulatedAks aks() {
    return aks;
  }

  SimClock clock() {
    return clock;
  }

  ObjectStore store() {
    return store;
  }

  Mirror mirror() {
    return mirror;
  }

  ClientWrites writes() {
    return writes;
  }
}
