package io.hns.simulator.load;

/** Offered load in requests per second as a function of simulated time (ms from the start). */
public interface LoadCurve {
  double rateAt(long timeMs);

  LoadCurve NONE = t -> 0;

  static LoadCurve constant(double rate) {
    return t -> rate;
  }

  /** A daily cycle peaking at {@code peakMs} after midnight (time 0 is midnight). */
  static LoadCurve diurnal(double mean, double amplitude, long peakMs) {
    double day = 86_400_000.0;
    return t -> mean * (1 + amplitude * Math.cos(2 * Math.PI * (t - peakMs) / day));
  }

  /** A step function: {@code rates[i]} from {@code times[i]} (ascending) until the next step; 0 before the first. */
  static LoadCurve steps(long[] times, double[] rates) {
    return t -> {
      double r = 0;
      for (int i = 0; i < times.length && times[i] <= t; i++) {
        r = rates[i];
      }
      return r;
    };
  }
}
