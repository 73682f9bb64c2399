/**
 * Capacity planning: {@code hns plan SWEEP.yaml}. A sweep file names a base scenario and a grid
 * (or list) of overrides; every point runs N Monte Carlo replications with common random numbers,
 * in parallel, and the outputs give each metric's mean and confidence interval, the cost-versus-SLO
 * Pareto front and the cheapest point that meets the SLO (docs/plan.md).
 *
 * <p>The pieces, in the order a sweep goes through them: {@link io.hns.simulator.plan.SweepLoader}
 * (the file) and {@link io.hns.simulator.plan.Axes} (what each override changes) make a
 * {@link io.hns.simulator.plan.Sweep}; {@link io.hns.simulator.plan.PointScenarios} compiles each
 * point; {@link io.hns.simulator.plan.SweepRunner} decides which runs to do (resume, shards, early
 * stop) and hands them to a {@link io.hns.simulator.plan.SweepEngine}; {@link
 * io.hns.simulator.plan.SweepAnalysis} turns the runs into statistics, the front and the
 * recommendation; {@link io.hns.simulator.plan.PlanWriter} writes the files.
 */
package io.hns.simulator.plan;
