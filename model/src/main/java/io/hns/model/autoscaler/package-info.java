/**
 * The Kubernetes cluster autoscaler (kubernetes/autoscaler {@code cluster-autoscaler}) with the AKS
 * default profile, reimplemented over the model's ports: {@link
 * io.hns.model.autoscaler.ClusterAutoscaler} runs one loop per call, {@link
 * io.hns.model.autoscaler.AutoscalerConfig} holds the flags, {@link
 * io.hns.model.autoscaler.AutoscalerStatus} shows the state kept between loops.
 *
 * <p>Modelled: pending-pod selection (Unschedulable, expendable cutoff, new-pod delay); the
 * filter-out-schedulable simulation over every Ready node, the virtual node and upcoming nodes
 * included; equivalence groups; templates from a Ready node of the group with its DaemonSet pods,
 * else the cloud template; the first-fit-decreasing binpacking estimator capped by group headroom
 * and max-nodes-total; the random, most-pods, least-waste and priority expanders with random tie
 * breaks; upstream event reasons and messages; exponential per-group backoff; upcoming-node
 * accounting, scale-up timeouts, failed and long-unregistered instances; scale-down candidates,
 * utilization, drainability rules, removal simulation, unneeded and unready times, min sizes,
 * cooldowns after add, delete and failure; empty bulk deletion and one drain at a time with
 * eviction retries, PDB refusals and failure handling.
 *
 * <p>Simplified: no PodDisruptionBudget objects (kube-system pods block unless safe-to-evict, PDBs
 * act only through eviction refusals); controllers are not looked up; cloud templates carry no
 * DaemonSet pods; no balancing of similar groups, resource limits, GPU thresholds, unhealthy-cluster
 * checks or unremovable-node recheck timeout; DaemonSet pods are not evicted from drained nodes.
 * Within one priority, pending pods are tried largest first (upstream: informer order).
 */
package io.hns.model.autoscaler;
