package io.hns.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Readers stream: a generated request log far larger than the test JVM's heap (traces/pom.xml runs
 * the tests with -Xmx96m) is read to the end, and the first points come out after reading only the
 * first few hundred kilobytes.
 */
class StreamingTest {
  /** 10 requests a second in the Azure LLM layout, made on the fly: never held in memory. */
  static final class GeneratedRequestLog extends InputStream {
    private static final byte[] HEADER = "TIMESTAMP,ContextTokens,GeneratedTokens\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final long START = LocalDate.of(2023, 11, 16).toEpochDay() * 86_400_000L;
    private final long rows;
    private long row = -1;
    private byte[] current = HEADER;
    private int pos;
    long consumed;

    GeneratedRequestLog(long rows) {
      this.rows = rows;
    }

    private boolean advance() {
      if (pos < current.length) {
        return true;
      }
      row++;
      if (row >= rows) {
        return false;
      }
      long t = START + row * 100;
      long day = Math.floorDiv(t, 86_400_000L);
      long ms = t - day * 86_400_000L;
      String line = LocalDate.ofEpochDay(day) + " " + two(ms / 3_600_000) + ":" + two(ms / 60_000 % 60) + ":"
          + two(ms / 1000 % 60) + "." + String.format("%03d", ms % 1000) + "4321," + (row % 7000) + ","
          + (row % 300) + (row + 1 < rows ? "\r\n" : "");
      current = line.getBytes(StandardCharsets.US_ASCII);
      pos = 0;
      return true;
    }

    private static String two(long v) {
      return v < 10 ? "0" + v : Long.toString(v);
    }

    @Override
    public int read() {
      if (!advance()) {
        return -1;
      }
      consumed++;
      return current[pos++];
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      int n = 0;
      while (n < len && advance()) {
        int k = Math.min(len - n, current.length - pos);
        System.arraycopy(current, pos, b, off + n, k);
        pos += k;
        n += k;
      }
      consumed += n;
      return n == 0 ? -1 : n;
    }
  }

  @Test
  void theFirstPointsComeAfterReadingOnlyTheStartOfAHugeFile() {
    GeneratedRequestLog[] last = new GeneratedRequestLog[1];
    TraceInput in = TraceInput.of("huge.csv", () -> last[0] = new GeneratedRequestLog(100_000_000_000L));
    Trace t = Trace.read(TraceFormat.REQUEST_LOG, in, ReaderOptions.DEFAULTS);
    try (PointCursor c = t.open()) {
      for (int i = 0; i < 5; i++) {
        assertThat(c.next().value()).isEqualTo(600.0);
      }
    }
    // About 5 x 600 rows of 40 bytes plus the readers' buffers, of a file of 4 TB.
    assertThat(last[0].consumed).isLessThan(1 << 20);
  }

  @Test
  void aFileLargerThanTheHeapIsReadToTheEnd() {
    long rows = 5_000_000; // about 200 MB of text
    GeneratedRequestLog[] last = new GeneratedRequestLog[1];
    TraceInput in = TraceInput.of("large.csv", () -> last[0] = new GeneratedRequestLog(rows));
    Trace t = Trace.read(TraceFormat.REQUEST_LOG, in, ReaderOptions.builder()
        .weightColumns(java.util.List.of("GeneratedTokens")).build());
    long points = 0;
    double tokens = 0;
    long consumedAtHalf = 0;
    try (PointCursor c = t.open()) {
      while (c.hasNext()) {
        tokens += c.next().value();
        points++;
        if (points == rows / 600 / 2) {
          consumedAtHalf = last[0].consumed;
        }
      }
    }
    long total = last[0].consumed;
    assertThat(total).isGreaterThan(180_000_000L);
    assertThat(points).isEqualTo(rows / 600 + (rows % 600 == 0 ? 0 : 1));
    double expected = 0;
    for (long r = 0; r < rows; r++) {
      expected += r % 300;
    }
    assertThat(tokens).isEqualTo(expected);
    // Read as it goes: half the points, about half the bytes.
    assertThat((double) consumedAtHalf / total).isBetween(0.45, 0.55);
  }
}
