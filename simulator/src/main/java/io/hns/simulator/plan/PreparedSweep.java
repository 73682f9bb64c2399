package io.hns.simulator.plan;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.hns.simulator.Simulation;
import io.hns.simulator.output.RunResult;
import io.hns.simulator.scenario.CompiledScenario;
import io.hns.simulator.scenario.ScenarioSource;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A sweep ready to run: every point's scenario compiled (all of them, whatever the shard, so that a
 * bad point is reported before any run), the seed every run uses, and the fingerprint that ties an
 * output folder to this sweep file and base scenario.
 *
 * <p>Its {@link #runner()} is serializable: it travels as the sweep file's text and the base
 * scenario with every file it names ({@link ScenarioSource.InMemory}), never as paths, and is
 * rebuilt once per JVM on arrival. So an engine can run tasks on machines that have neither file.
 */
public final class PreparedSweep {
  static final int PLAN_FORMAT = 1;

  private final Sweep sweep;
  private final PointScenarios base;
  private final AtomicReferenceArray<CompiledScenario> scenarios;
  private final long seed;
  private final String fingerprint;
  /** What read the base on the driver (null when rebuilt from a shipment). */
  private final ScenarioSource.Recording recorded;
  private Shipment shipment;

  private PreparedSweep(Sweep sweep, PointScenarios base, long seed, String fingerprint, ScenarioSource.Recording recorded) {
    this.sweep = sweep;
    this.base = base;
    this.scenarios = new AtomicReferenceArray<>(sweep.points().size());
    this.seed = seed;
    this.fingerprint = fingerprint;
    this.recorded = recorded;
  }

  /** Reads the base scenario ({@code base:} relative to {@code sweepDir}) and compiles every point. */
  public static PreparedSweep prepare(Sweep sweep, Path sweepDir) {
    ScenarioSource.Recording source = new ScenarioSource.Recording(PointScenarios.baseOf(sweep, sweepDir));
    PreparedSweep p = of(sweep, source, source);
    for (SweepPoint point : sweep.points()) {
      p.scenarios.set(point.id() - 1, p.base.compile(point));
    }
    return p;
  }

  private static PreparedSweep of(Sweep sweep, ScenarioSource source, ScenarioSource.Recording recorded) {
    PointScenarios base = PointScenarios.of(source);
    long seed = sweep.seed() != null ? sweep.seed() : base.baseSeed();
    String fingerprint = Hashing.sha256().newHasher()
        .putString("hns-plan-" + PLAN_FORMAT, StandardCharsets.UTF_8).putByte((byte) 0)
        .putString(sweep.text(), StandardCharsets.UTF_8).putByte((byte) 0)
        .putString(base.baseText(), StandardCharsets.UTF_8)
        .hash().toString();
    return new PreparedSweep(sweep, base, seed, fingerprint, recorded);
  }

  public Sweep sweep() {
    return sweep;
  }

  public long seed() {
    return seed;
  }

  public String fingerprint() {
    return fingerprint;
  }

  /** The point's compiled scenario; on a rebuilt sweep, compiled when first asked for. */
  public CompiledScenario scenario(int pointId) {
    CompiledScenario s = scenarios.get(pointId - 1);
    if (s == null) {
      s = base.compile(sweep.point(pointId));
      scenarios.compareAndSet(pointId - 1, null, s);
    }
    return s;
  }

  public PlanDirectory.PlanInfo info(Shard shard) {
    return new PlanDirectory.PlanInfo(PLAN_FORMAT, sweep.file(), sweep.text(), fingerprint, seed,
        shard.isAll() ? null : shard.toString());
  }

  /**
   * One run: the point's scenario with the sweep's seed and the replication index, so that
   * replication r of every point draws the same random numbers (common random numbers). The
   * runner is serializable (see the class comment).
   */
  public TaskRunner runner() {
    return new Runner(this);
  }

  private RunRecord run(RunTask task) {
    RunResult r = Simulation.run(scenario(task.point()), new Simulation.Options(seed, task.replication(), null, null));
    return new RunRecord(task.point(), task.replication(), seed, RunMetrics.of(r));
  }

  /** The sweep as data, taken once: the sweep file's text and the base scenario with its files. */
  synchronized Shipment shipment() {
    if (shipment == null) {
      ScenarioSource.InMemory data = recorded.snapshot();
      Hasher h = Hashing.sha256().newHasher().putString(fingerprint, StandardCharsets.UTF_8).putByte((byte) 0)
          .putString(sweep.file(), StandardCharsets.UTF_8).putByte((byte) 0)
          .putString(data.name(), StandardCharsets.UTF_8).putByte((byte) 0);
      new TreeMap<>(data.files()).forEach((ref, text) -> h.putString(ref, StandardCharsets.UTF_8).putByte((byte) 0)
          .putString(text, StandardCharsets.UTF_8).putByte((byte) 0));
      new TreeMap<>(data.traces()).forEach((ref, t) -> h.putString(ref, StandardCharsets.UTF_8).putByte((byte) 0)
          .putString(t.name(), StandardCharsets.UTF_8).putByte((byte) 0).putBytes(t.bytes()).putByte((byte) 0));
      shipment = new Shipment(h.hash().toString(), sweep.file(), sweep.text(), data, fingerprint);
    }
    return shipment;
  }

  /** Sweeps rebuilt in this JVM, by shipment id: tasks of one sweep arrive many times, the sweep is read once. */
  private static final Map<String, PreparedSweep> ARRIVED = new LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PreparedSweep> eldest) {
      return size() > 4;
    }
  };

  private static PreparedSweep arrived(Shipment s) {
    synchronized (ARRIVED) {
      PreparedSweep p = ARRIVED.get(s.id());
      if (p == null) {
        p = of(SweepLoader.parse(s.sweepFile(), s.sweepText()), s.base(), null);
        if (!p.fingerprint.equals(s.fingerprint())) {
          throw new IllegalStateException("the sweep rebuilt from its shipment has fingerprint " + p.fingerprint
              + ", not " + s.fingerprint());
        }
        p.shipment = s;
        ARRIVED.put(s.id(), p);
      }
      return p;
    }
  }

  /** A sweep's runner: on the wire, its {@link Shipment}; rebuilt from it on arrival. */
  private static final class Runner implements TaskRunner, Serializable {
    private static final long serialVersionUID = 1L;
    private final transient PreparedSweep prepared;

    Runner(PreparedSweep prepared) {
      this.prepared = prepared;
    }

    @Override
    public RunRecord run(RunTask task) {
      return prepared.run(task);
    }

    private Object writeReplace() {
      return prepared.shipment();
    }
  }

  /**
   * What a runner travels as: the sweep file's name and text, the base scenario with every file it
   * names, the fingerprint (checked on arrival) and an id of the whole (the key of {@link #ARRIVED}).
   */
  record Shipment(String id, String sweepFile, String sweepText, ScenarioSource.InMemory base, String fingerprint)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      return new Runner(arrived(this));
    }
  }
}
