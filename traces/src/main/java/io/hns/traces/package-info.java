/**
 * Traces: streams of {@link io.hns.traces.TracePoint}s read from files in several formats, transformed
 * as a pipeline and materialised as a {@link io.hns.traces.RateSeries} for the simulator.
 *
 * <p>Read: {@link io.hns.traces.Trace#read(TraceFormat, TraceInput, ReaderOptions)} with a format chosen
 * by name ({@link io.hns.traces.TraceFormat#named(String)}). Transform: the methods of
 * {@link io.hns.traces.Trace} (window, gaps, resample, scale, shift, loop), each returning a new
 * {@code Trace}. Use: {@link io.hns.traces.RateSeries#of(Trace)} (a step function, {@code rateAt(ms)})
 * or {@link io.hns.traces.TraceSummary#of(Trace, int)} (statistics and gaps). Files are never loaded
 * whole: every pass streams, and the few operations that need a first pass (scaling to a target,
 * looping, the azure-functions top-N selection) open the input again (docs/traces.md).
 */
package io.hns.traces;
