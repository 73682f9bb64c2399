/**
 * The operations on traces, each a {@link io.hns.traces.TraceTransform}: {@link TimeWindow},
 * {@link GapFill}, {@link Resample}, {@link Scale}, {@link TimeShift}, {@link Loop}, {@link ToRate}
 * and {@link Peek}. Apply them with {@link io.hns.traces.Trace#then} or the shortcuts on
 * {@link io.hns.traces.Trace}. All stream; {@link Scale} to a target and {@link Loop} read their input
 * more than once instead of holding it.
 */
package io.hns.traces.transform;
