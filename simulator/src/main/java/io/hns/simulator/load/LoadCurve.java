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

  /** A step function: {@code rates[i]} from {@code times[i]} (strictly ascending) until the next step; 0 before the first. */
  static LoadCurve steps(long[] times, double[] rates) {
    return t -> {
      // The last step at or before t (binary search: a 1-minute trace of a week has 10,080 steps).
      int lo = 0;
      int hi = times.length - 1;
      int found = -1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (times[mid] <= t) {
          found = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return found < 0 ? 0 : rates[found];
    };
  }
}
