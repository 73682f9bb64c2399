package io.hns.simulator.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * An engine found by name on the class path ({@link ServiceLoader}): {@code hns plan --engine spark}
 * works when the spark module's job jar is there (it lists its provider in
 * {@code META-INF/services/io.hns.simulator.plan.SweepEngineProvider}), while the CLI and the
 * simulator do not depend on Spark. {@code local} is built in.
 */
public interface SweepEngineProvider {
  /** The name {@code --engine} takes, e.g. {@code spark}. */
  String name();

  SweepEngine create(Settings settings);

  /**
   * What the command line says about the engine.
   *
   * @param master where to run (Spark's master URL), or null for the engine's default
   * @param threads runs at once on this machine, or null for the number of processors
   * @param conf engine properties ({@code --conf KEY=VALUE}), e.g. Spark's
   * @param notices where the engine says what the user should know as it goes (a retried task)
   */
  record Settings(String master, Integer threads, Map<String, String> conf, Consumer<String> notices) {
    public Settings {
      conf = conf == null ? Map.of() : Map.copyOf(conf);
      notices = notices == null ? m -> {} : notices;
    }
  }

  /** The engine named {@code name}: {@code local}, or one a provider on the class path offers. */
  static SweepEngine open(String name, Settings settings) {
    if (name.equals("local")) {
      if (settings.master() != null || !settings.conf().isEmpty()) {
        throw new SweepException("--master and --conf are for --engine spark; the local engine takes --threads");
      }
      return settings.threads() == null ? LocalSweepEngine.allCores() : new LocalSweepEngine(settings.threads());
    }
    List<String> known = new ArrayList<>(List.of("local"));
    for (SweepEngineProvider p : ServiceLoader.load(SweepEngineProvider.class)) {
      if (p.name().equals(name)) {
        return p.create(settings);
      }
      known.add(p.name());
    }
    if (name.equals("spark")) {
      throw new SweepException("the spark engine is not on the classpath: run the shaded job jar (docs/spark.md)");
    }
    throw new SweepException("--engine: unknown engine \"" + name + "\" (engines here: " + String.join(", ", known) + ")");
  }
}
