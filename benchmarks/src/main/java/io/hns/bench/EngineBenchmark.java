package io.hns.bench;

import io.hns.simulator.engine.Engine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** Raw engine throughput: events scheduled and run per second, with 1,000 events pending. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
  static final int EVENTS = 100_000;

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long events(Blackhole bh) {
    Engine e = new Engine();
    long[] counter = new long[1];
    Runnable tick = () -> counter[0]++;
    for (int i = 0; i < 1000; i++) {
      e.at(i, tick);
    }
    for (int i = 1000; i < EVENTS; i++) {
      e.step();
      e.after(1000 + (i * 7919L) % 5000, tick);
    }
    e.runUntil(Long.MAX_VALUE / 2);
    bh.consume(counter[0]);
    return e.eventsProcessed();
  }
}
