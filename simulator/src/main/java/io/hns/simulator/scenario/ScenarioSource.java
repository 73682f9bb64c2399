package io.hns.simulator.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a scenario and the files it names come from: a directory on disk, or the scenarios
 * embedded in the jar ({@code builtin:NAME}).
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
}
