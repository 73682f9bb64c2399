package io.hns.simulator.load;

/**
 * How offered load turns into pod utilization and unserved demand. Each Ready pod serves up to
 * {@code podCapacity} requests per second at 100% of its CPU request; the load is spread evenly over
 * Ready pods, each at most {@code maxUtilization} (1.0: a pod cannot go past its request). What the
 * Ready pods cannot serve is unserved demand.
 */
public record ServiceModel(double podCapacity, double maxUtilization) {
  public ServiceModel {
    if (!(podCapacity > 0)) {
      throw new IllegalArgumentException("podCapacity must be positive: " + podCapacity);
    }
    if (!(maxUtilization > 0)) {
      throw new IllegalArgumentException("maxUtilization must be positive: " + maxUtilization);
    }
  }

  /** CPU utilization of each Ready pod, as a fraction of its request. */
  public double utilization(double rate, int readyPods) {
    if (readyPods <= 0) {
      return 0;
    }
    return Math.min(maxUtilization, rate / readyPods / podCapacity);
  }

  public double served(double rate, int readyPods) {
    return Math.min(rate, readyPods * podCapacity * maxUtilization);
  }

  public double unserved(double rate, int readyPods) {
    return rate - served(rate, readyPods);
  }
}
