/**
 * The simulated Azure side of a hybrid AKS cluster: VM sizes and AKS node reservations, latency
 * models, the regional vCPU quota and the AKS agent-pool throttle, VMSS node pools behind the cluster
 * autoscaler's {@link io.hns.model.port.NodeGroup} SPI, Azure Container Instances behind the virtual
 * node, list prices and a cost ledger.
 *
 * <p>Wiring, one run:
 *
 * <pre>{@code
 * Engine engine = new Engine();
 * RandomStreams streams = new RandomStreams(seed, replication);
 * CostLedger ledger = new CostLedger(Prices.eastUsPayAsYouGo());
 * VcpuQuota quota = new VcpuQuota("eastus", 100).setFamilyLimit("standardDSv2Family", 40);
 * VmSize ds2 = VmSizeCatalog.defaults().get("Standard_DS2_v2");
 * VmssNodePool pool = new VmssNodePool(
 *     VmssNodePool.Config.builder("agentpool", ds2).minSize(1).maxSize(10).build(),
 *     engine, streams.stream("vmss/agentpool"), quota, null, listener, ledger);
 * List<Node> initial = pool.initialNodes();
 * AciService aci = new AciService(AciService.Config.defaults(), streams.stream("aci"), ledger);
 * }</pre>
 *
 * <p>Every default number carries its source in a comment, with the status used in
 * research/azure-facts.md: V (read in the cited source), 3P (third party or anecdotal) or U
 * (assumption).
 */
package io.hns.simulator.cloud;
