package io.hns.traces;

import static io.hns.traces.Inputs.trace;
import static io.hns.traces.Inputs.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TracePipelineTest {
  private static final long MIN = 60_000;

  @Test
  void partsApplyInTheirFixedOrder() {
    TracePipeline p = new TracePipeline(TimeBound.afterStart(MIN), null, GapPolicy.ZERO, 2 * MIN, null, 10.0, null,
        0L, null, 8 * MIN);
    Trace t = p.apply(trace(ValueKind.COUNT, 5 * MIN, MIN, 99, 60, Double.NaN, 120, 240));
    assertThat(t.steps()).containsExactly("window +1m to end", "gaps zero", "resample 2m", "scale to peak 10.0/s",
        "start at 0", "loop to 8m");
    // After the window: 60, 0, 120, 240 from minute 6 -> 2-minute bins (aligned): [6,8) 60, [8,10) 360
    // -> rates 0.5/s, 3/s -> x 10/3.
    assertThat(values(t.toRate())).containsExactly(5.0 / 3, 10.0, 5.0 / 3, 10.0);
    assertThat(TracePipeline.NONE.apply(trace(ValueKind.RATE, 0, MIN, 1)).steps()).isEmpty();
    assertThat(p.fillsGaps()).isTrue();
  }

  @Test
  void conflictingPartsAreRefused() {
    assertThatThrownBy(() -> new TracePipeline(null, null, null, null, 2.0, 3.0, null, null, null, null))
        .hasMessage("give at most one of --scale, --scale-peak and --scale-mean");
    assertThatThrownBy(() -> new TracePipeline(null, null, null, null, null, null, null, 0L, MIN, null))
        .hasMessage("give --start-at or --shift, not both");
    assertThatThrownBy(() -> new TracePipeline(null, null, null, 0L, null, null, null, null, null, null))
        .hasMessage("--resample must be a positive duration, got 0s");
  }
}
