package io.hns.bench;

import io.hns.traces.PointCursor;
import io.hns.traces.ReaderOptions;
import io.hns.traces.Trace;
import io.hns.traces.TraceFormat;
import io.hns.traces.TraceInput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Trace reading throughput in rows per second: a request log in the Azure LLM inference layout
 * ({@code TIMESTAMP,ContextTokens,GeneratedTokens}, 7-digit fractions) read and binned to 1-minute
 * counts, and a rate CSV of per-minute values, both from memory (so the disk does not count).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TraceReadingBenchmark {
  static final int ROWS = 200_000;

  byte[] requestLog;
  byte[] rateCsv;

  @Setup
  public void setUp() {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSS");
    LocalDateTime t = LocalDateTime.of(2023, 11, 16, 18, 0);
    StringBuilder log = new StringBuilder("TIMESTAMP,ContextTokens,GeneratedTokens\r\n");
    StringBuilder rates = new StringBuilder("time_s,rps\n");
    for (int i = 0; i < ROWS; i++) {
      log.append(f.format(t.plusNanos(i * 137_000_000L))).append(',').append(1000 + i % 7000).append(',')
          .append(1 + i % 250).append("\r\n");
      rates.append(i * 60L).append(',').append(i % 1000).append('\n');
    }
    requestLog = log.toString().getBytes(StandardCharsets.UTF_8);
    rateCsv = rates.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static long drain(TraceFormat format, byte[] bytes) {
    Trace trace = Trace.read(format, TraceInput.of("bench", () -> new ByteArrayInputStream(bytes)), ReaderOptions.DEFAULTS);
    long n = 0;
    try (PointCursor c = trace.open()) {
      while (c.hasNext()) {
        c.next();
        n++;
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long requestLogRows() {
    return drain(TraceFormat.named("request-log"), requestLog);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long rateCsvRows() {
    return drain(TraceFormat.named("rate-csv"), rateCsv);
  }
}
