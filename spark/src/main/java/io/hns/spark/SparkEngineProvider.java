package io.hns.spark;

import io.hns.simulator.plan.SweepEngine;
import io.hns.simulator.plan.SweepEngineProvider;

/** {@code hns plan --engine spark}: found by {@link java.util.ServiceLoader} when this module's jar is on the class path. */
public final class SparkEngineProvider implements SweepEngineProvider {
  @Override
  public String name() {
    return "spark";
  }

  @Override
  public SweepEngine create(Settings settings) {
    return SparkSweepEngine.start(settings);
  }
}
