package io.hns.model.hpa;

/**
 * One metric could not produce a replica count (no samples, a missing request, an unsupported
 * metric type). Like upstream, this invalidates that metric only; see {@link MetricsEvaluator}.
 */
public final class MetricUnavailableException extends RuntimeException {
  public MetricUnavailableException(String message) {
    super(message);
  }
}
