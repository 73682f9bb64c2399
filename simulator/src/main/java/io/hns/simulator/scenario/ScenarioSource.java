package io.hns.simulator.scenario;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a scenario and the files it names come from: a directory on disk, the scenarios embedded in
 * the jar ({@code builtin:NAME}), or memory ({@link InMemory}: a scenario shipped to another JVM,
 * taken with {@link Recording}).
 */
public sealed interface ScenarioSource {
  String BUILTIN_PREFIX = "builtin:";
  String RESOURCE_ROOT = "/io/hns/simulator/scenarios/";

  /** The scenario file's own name, for messages. */
  String name();

  String readScenario();

  /** A file named by the scenario, relative to it. */
  String readRelative(String ref);

  /** A file named by the scenario as a re-openable trace input (traces may be read more than once). */
  io.hns.traces.TraceInput traceInput(String ref);

  static ScenarioSource of(String arg) {
    if (arg.startsWith(BUILTIN_PREFIX)) {
      return new Builtin(arg.substring(BUILTIN_PREFIX.length()));
    }
    return new OnDisk(Path.of(arg));
  }

  /** A scenario file and its directory. */
  record OnDisk(Path file) implements ScenarioSource {
    @Override
    public String name() {
      return file.toString();
    }

    @Override
    public String readScenario() {
      return read(file);
    }

    @Override
    public String readRelative(String ref) {
      Path base = file.toAbsolutePath().getParent();
      return read(base == null ? Path.of(ref) : base.resolve(ref));
    }

    @Override
    public io.hns.traces.TraceInput traceInput(String ref) {
      Path base = file.toAbsolutePath().getParent();
      Path p = base == null ? Path.of(ref) : base.resolve(ref);
      return io.hns.traces.TraceInput.of(Path.of(ref).isAbsolute() ? Path.of(ref) : p);
    }

    private static String read(Path p) {
      try {
        return Files.readString(p, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new ScenarioException(p + ": no such file");
      } catch (IOException e) {
        throw new ScenarioException(p + ": cannot read: " + e.getMessage());
      }
    }
  }

  /** An embedded scenario: {@code builtin:seed} is {@code /io/hns/simulator/scenarios/seed/scenario.yaml}. */
  record Builtin(String scenario) implements ScenarioSource {
    @Override
    public String name() {
      return BUILTIN_PREFIX + scenario;
    }

    @Override
    public String readScenario() {
      return resource(scenario + "/scenario.yaml");
    }

    @Override
    public String readRelative(String ref) {
      return resource(scenario + "/" + ref);
    }

    @Override
    public io.hns.traces.TraceInput traceInput(String ref) {
      String path = RESOURCE_ROOT + scenario + "/" + ref;
      if (ScenarioSource.class.getResource(path) == null) {
        throw new ScenarioException(BUILTIN_PREFIX + scenario + "/" + ref + ": no such embedded file");
      }
      return io.hns.traces.TraceInput.of(BUILTIN_PREFIX + scenario + "/" + ref,
          () -> ScenarioSource.class.getResourceAsStream(path));
    }

    private String resource(String path) {
      try (InputStream in = ScenarioSource.class.getResourceAsStream(RESOURCE_ROOT + path)) {
        if (in == null) {
          throw new ScenarioException(BUILTIN_PREFIX + path + ": no such embedded file");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ScenarioException(BUILTIN_PREFIX + path + ": " + e.getMessage());
      }
    }
  }

  /**
   * A scenario and every file it named, held in memory: what travels to a machine that does not
   * have the files (the Spark engine's executors). The names are those of the source it was taken
   * from, so that messages and results are the same as there; traces are kept as read (a
   * {@code .gz} trace decompressed).
   *
   * @param files the manifests it named, by the reference the scenario uses
   * @param traces the traces it named, by the reference the scenario uses
   */
  record InMemory(String name, String scenario, Map<String, String> files, Map<String, TraceBytes> traces)
      implements ScenarioSource, Serializable {
    private static final long serialVersionUID = 1L;

    public InMemory {
      files = Map.copyOf(files);
      traces = Map.copyOf(traces);
    }

    /** A trace's name (as the original source gave it, for messages) and its bytes. */
    public record TraceBytes(String name, byte[] bytes) implements Serializable {
      private static final long serialVersionUID = 1L;
    }

    @Override
    public String readScenario() {
      return scenario;
    }

    @Override
    public String readRelative(String ref) {
      String text = files.get(ref);
      if (text == null) {
        throw new ScenarioException(name + ": " + ref + ": not among the files shipped with the scenario");
      }
      return text;
    }

    @Override
    public io.hns.traces.TraceInput traceInput(String ref) {
      TraceBytes t = traces.get(ref);
      if (t == null) {
        throw new ScenarioException(name + ": " + ref + ": not among the traces shipped with the scenario");
      }
      return io.hns.traces.TraceInput.of(t.name(), () -> new ByteArrayInputStream(t.bytes()));
    }
  }

  /**
   * Reads through another source and remembers what it read, so that {@link #snapshot()} can
   * hand the scenario and exactly the files it used (whatever overrides changed them) to
   * {@link InMemory}.
   */
  final class Recording implements ScenarioSource {
    private final ScenarioSource inner;
    private String scenario;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, io.hns.traces.TraceInput> traces = new LinkedHashMap<>();

    public Recording(ScenarioSource inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public synchronized String readScenario() {
      if (scenario == null) {
        scenario = inner.readScenario();
      }
      return scenario;
    }

    @Override
    public synchronized String readRelative(String ref) {
      return files.computeIfAbsent(ref, inner::readRelative);
    }

    @Override
    public synchronized io.hns.traces.TraceInput traceInput(String ref) {
      return traces.computeIfAbsent(ref, inner::traceInput);
    }

    /** The scenario and the files read so far, in memory; traces are read once more, whole. */
    public synchronized InMemory snapshot() {
      Map<String, InMemory.TraceBytes> bytes = new LinkedHashMap<>();
      traces.forEach((ref, input) -> {
        try (InputStream in = input.open()) {
          bytes.put(ref, new InMemory.TraceBytes(input.name(), in.readAllBytes()));
        } catch (IOException e) {
          throw new UncheckedIOException(input.name() + ": " + e.getMessage(), e);
        }
      });
      return new InMemory(name(), readScenario(), files, bytes);
    }
  }
}
