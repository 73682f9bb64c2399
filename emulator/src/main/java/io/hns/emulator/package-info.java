/**
 * The emulator: the simulated AKS cluster served as a Kubernetes API on loopback, so that a real
 * kubectl (or any client-go / fabric8 client) runs against it. The simulator's cluster state is the
 * source of truth; {@link io.hns.emulator.Mirror} projects it into the {@link
 * io.hns.emulator.ObjectStore} that {@link io.hns.emulator.ApiServer} serves, and client writes are
 * turned into simulator calls by {@link io.hns.emulator.ClientWrites} (docs/decisions/0003).
 */
package io.hns.emulator;
