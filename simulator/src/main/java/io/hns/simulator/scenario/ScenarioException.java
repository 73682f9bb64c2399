package io.hns.simulator.scenario;

/** A bad scenario file: the message names the file and the key (and the line where known). */
public final class ScenarioException extends RuntimeException {
  public ScenarioException(String message) {
    super(message);
  }
}
