package io.hns.simulator.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's output folder. plan.json, written before the first run, says which sweep the folder
 * belongs to (its text and fingerprint), the seed and the shard: {@code --resume} refuses a folder
 * of another sweep, and {@code plan merge} rebuilds the sweep from it without the base scenario.
 */
public final class PlanDirectory {
  public static final String PLAN_JSON = "plan.json";
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** What plan.json holds. */
  public record PlanInfo(int format, String sweepFile, String sweepText, String fingerprint, long seed, String shard) {
    public Shard shardValue() {
      return shard == null ? Shard.ALL : Shard.parse(shard);
    }
  }

  private final Path dir;

  private PlanDirectory(Path dir) {
    this.dir = dir;
  }

  public static PlanDirectory at(Path dir) {
    return new PlanDirectory(dir);
  }

  public Path path() {
    return dir;
  }

  public Path file(String name) {
    return dir.resolve(name);
  }

  /**
   * Claims the folder for a sweep: fresh, or (with {@code resume}) continuing the same sweep and
   * shard. Returns the runs already done there.
   */
  public List<RunRecord> claim(PlanInfo info, Sweep sweep, boolean resume) {
    Path runs = file(RunsCsv.FILE);
    if (Files.exists(runs)) {
      if (!resume) {
        throw new SweepException(dir + " already holds " + RunsCsv.FILE + ": add --resume to continue that sweep, or give another --out");
      }
      PlanInfo old = read();
      if (!old.fingerprint().equals(info.fingerprint())) {
        throw new SweepException(dir + ": its runs are from another sweep or base scenario (plan.json fingerprint differs);"
            + " give another --out");
      }
      if (old.seed() != info.seed() || !old.shardValue().equals(info.shardValue())) {
        throw new SweepException(dir + ": its runs are of seed " + old.seed() + " shard " + old.shardValue()
            + ", not seed " + info.seed() + " shard " + info.shardValue());
      }
    }
    write(info);
    return resume ? RunsCsv.read(runs, sweep) : List.of();
  }

  public void write(PlanInfo info) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", info.format());
    m.put("sweepFile", info.sweepFile());
    m.put("fingerprint", info.fingerprint());
    m.put("seed", info.seed());
    m.put("shard", info.shard());
    m.put("sweepText", info.sweepText());
    try {
      PlanFiles.writeAtomically(file(PLAN_JSON), JSON.writeValueAsString(m) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public PlanInfo read() {
    Path f = file(PLAN_JSON);
    if (!Files.exists(f)) {
      throw new SweepException(dir + ": no " + PLAN_JSON + " (not the output folder of hns plan)");
    }
    try {
      var n = JSON.readTree(f.toFile());
      return new PlanInfo(n.path("format").asInt(), n.path("sweepFile").asText(), n.path("sweepText").asText(),
          n.path("fingerprint").asText(), n.path("seed").asLong(), n.path("shard").isNull() ? null : n.path("shard").asText(null));
    } catch (IOException e) {
      throw new SweepException(f + ": unreadable: " + e.getMessage());
    }
  }
}
