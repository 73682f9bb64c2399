package io.hns.simulator.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.cluster.Times;
import io.hns.model.port.NodeGroup.Instance;
import io.hns.model.port.NodeGroup.Instance.State;
import io.hns.model.port.NodeGroupException;
import io.hns.model.resource.Quantities;
import io.hns.simulator.engine.Engine;
import io.hns.simulator.engine.RandomStreams;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VmssNodePoolTest {
  private static final VmSize DS2 = VmSizeCatalog.defaults().get("Standard_DS2_v2");

  /** Records listener calls with their engine time. */
  private static final class Recorder implements NodePoolListener {
    final Engine engine;
    final List<String> log = new ArrayList<>();
    final List<Node> registered = new ArrayList<>();
    final List<Node> ready = new ArrayList<>();

    Recorder(Engine engine) {
      this.engine = engine;
    }

    @Override
    public void nodeRegistered(Node n) {
      registered.add(n);
      log.add(engine.now() + " registered " + n.name() + " ready=" + n.ready());
    }

    @Override
    public void nodeReady(Node n) {
      ready.add(n);
      log.add(engine.now() + " ready " + n.name() + " ready=" + n.ready());
    }

    @Override
    public void nodeDeleted(String name) {
      log.add(engine.now() + " deleted " + name);
    }
  }

  private static VmssNodePool.Builder fixedTimes() {
    return VmssNodePool.Config.builder("agentpool", DS2)
        .clusterHash("24758537")
        .bootLatency(new FixedLatency(60_000))
        .notReadyLead(new FixedLatency(10_000))
        .deleteLatency(new FixedLatency(30_000));
  }

  @Test
  void instanceLifecycleOnTheEngine() throws Exception {
    Engine engine = new Engine();
    Recorder rec = new Recorder(engine);
    VcpuQuota quota = new VcpuQuota("eastus", 100);
    CostLedger ledger = new CostLedger(Prices.eastUsPayAsYouGo());
    VmssNodePool pool = new VmssNodePool(fixedTimes().initialCount(0).build(), engine, new SplittableRandom(1),
        quota, null, rec, ledger);

    engine.runUntil(5_000);
    pool.increaseSize(2);
    assertThat(pool.targetSize()).isEqualTo(2);
    assertThat(pool.instances()).extracting(Instance::state).containsExactly(State.CREATING, State.CREATING);
    assertThat(pool.instances()).extracting(Instance::createdAt).containsExactly(5_000L, 5_000L);
    assertThat(pool.instances()).extracting(Instance::nodeName)
        .containsExactly("aks-agentpool-24758537-vmss000000", "aks-agentpool-24758537-vmss000001");
    assertThat(quota.familyUsage("standardDSv2Family")).isEqualTo(4);
    assertThat(ledger.openVmCount()).isEqualTo(2);

    engine.runUntil(54_999);
    assertThat(rec.log).isEmpty();
    engine.runUntil(55_000);
    assertThat(rec.log).containsExactly(
        "55000 registered aks-agentpool-24758537-vmss000000 ready=false",
        "55000 registered aks-agentpool-24758537-vmss000001 ready=false");
    assertThat(rec.registered.get(0).creationTime()).isEqualTo(55_000);
    assertThat(pool.instances()).extracting(Instance::state).containsOnly(State.RUNNING);
    engine.runUntil(65_000);
    assertThat(rec.log).hasSize(4).endsWith("65000 ready aks-agentpool-24758537-vmss000001 ready=true");
    assertThat(rec.ready.get(0).creationTime()).isEqualTo(55_000);

    pool.deleteNodes(List.of(rec.ready.get(0)));
    assertThat(pool.targetSize()).isEqualTo(1);
    assertThat(pool.instances()).extracting(Instance::state).containsExactly(State.DELETING, State.RUNNING);
    assertThat(quota.familyUsage("standardDSv2Family")).isEqualTo(4); // until the VM is gone
    engine.runUntil(94_999);
    assertThat(rec.log).hasSize(4);
    engine.runUntil(95_000);
    assertThat(rec.log).last().isEqualTo("95000 deleted aks-agentpool-24758537-vmss000000");
    assertThat(pool.instances()).hasSize(1);
    assertThat(quota.familyUsage("standardDSv2Family")).isEqualTo(2);
    // Billed 5 s -> 95 s for one VM and 5 s -> now for the other.
    assertThat(ledger.vmNodeSeconds(95_000)).isEqualByComparingTo("180");
    assertThat(ledger.vmCost(95_000)).isEqualByComparingTo(
        new BigDecimal("0.146").multiply(new BigDecimal("180")).divide(new BigDecimal("3600")));
  }

  @Test
  void nodeLooksLikeARealAksNode() throws Exception {
    Engine engine = new Engine();
    Recorder rec = new Recorder(engine);
    VmssNodePool pool = new VmssNodePool(fixedTimes().initialCount(0)
        .labels(Labels.of("team", "web")).taints(List.of(new Taint("sku", "spot", TaintEffect.NO_SCHEDULE)))
        .subscriptionId("11111111-2222-3333-4444-555555555555").nodeResourceGroup("MC_rg_aks_eastus").build(),
        engine, new SplittableRandom(1), VcpuQuota.unlimited("eastus"), rec);
    pool.increaseSize(1);
    engine.runUntil(60_000);
    Node n = rec.ready.get(0);
    assertThat(n.name()).isEqualTo("aks-agentpool-24758537-vmss000000");
    assertThat(n.labels().asMap()).containsEntry("agentpool", "agentpool")
        .containsEntry("kubernetes.azure.com/agentpool", "agentpool")
        .containsEntry("kubernetes.io/hostname", "aks-agentpool-24758537-vmss000000")
        .containsEntry("kubernetes.io/role", "agent")
        .containsEntry("node.kubernetes.io/instance-type", "Standard_DS2_v2")
        .containsEntry("topology.kubernetes.io/region", "eastus")
        .containsEntry("topology.kubernetes.io/zone", "0")
        .containsEntry("kubernetes.azure.com/mode", "user")
        .containsEntry("kubernetes.azure.com/cluster", "MC_rg_aks_eastus")
        .containsEntry("beta.kubernetes.io/os", "linux")
        .containsEntry("kubernetes.io/os", "linux")
        .containsEntry("team", "web");
    assertThat(n.taints()).containsExactly(new Taint("sku", "spot", TaintEffect.NO_SCHEDULE));
    assertThat(n.providerId()).isEqualTo("azure:///subscriptions/11111111-2222-3333-4444-555555555555"
        + "/resourceGroups/mc_rg_aks_eastus/providers/Microsoft.Compute/virtualMachineScaleSets/"
        + "aks-agentpool-24758537-vmss/virtualMachines/0");
    assertThat(n.capacity().milliCpu()).isEqualTo(2000);
    assertThat(n.capacity().memory()).isEqualTo(Quantities.value("7120616Ki"));
    assertThat(n.capacity().pods()).isEqualTo(30);
    assertThat(n.allocatable().milliCpu()).isEqualTo(1900);
    assertThat(n.allocatable().memory()).isEqualTo(Quantities.value("4675304Ki"));
    assertThat(n.kind()).isEqualTo(io.hns.model.cluster.NodeKind.VM);
    assertThat(pool.contains(n)).isTrue();
  }

  @Test
  void zonalPoolsSpreadInstancesAcrossZones() throws Exception {
    Engine engine = new Engine();
    Recorder rec = new Recorder(engine);
    VmssNodePool pool = new VmssNodePool(fixedTimes().initialCount(0).zones(List.of("1", "2", "3")).build(),
        engine, new SplittableRandom(1), VcpuQuota.unlimited("eastus"), rec);
    pool.increaseSize(4);
    engine.runUntil(60_000);
    assertThat(rec.ready).extracting(n -> n.labels().get("topology.kubernetes.io/zone"))
        .containsExactly("eastus-1", "eastus-2", "eastus-3", "eastus-1");
  }

  @Test
  void instanceNamesUseSixBase36Digits() {
    assertThat(VmssNodePool.base36(0)).isEqualTo("000000");
    assertThat(VmssNodePool.base36(10)).isEqualTo("00000a");
    assertThat(VmssNodePool.base36(36)).isEqualTo("000010");
  }

  @Test
  void refusesBeyondMaxSize() throws Exception {
    Engine engine = new Engine();
    VmssNodePool pool = new VmssNodePool(fixedTimes().initialCount(1).maxSize(3).build(), engine,
        new SplittableRandom(1), VcpuQuota.unlimited("eastus"), NodePoolListener.NONE);
    pool.initialNodes();
    pool.increaseSize(2);
    NodeGroupException e = catchThrowableOfType(NodeGroupException.class, () -> pool.increaseSize(1));
    assertThat(e.getMessage()).startsWith("max node group size reached").contains("desired:4 max:3");
    assertThat(e.errorClass()).isEqualTo(NodeGroupException.ErrorClass.OTHER);
    assertThat(pool.targetSize()).isEqualTo(3);
    assertThatThrownBy(() -> VmssNodePool.Config.builder("big", DS2).maxSize(1001).build())
        .hasMessageContaining("limit of 1000");
  }

  @Test
  void refusesOverQuotaWithoutCreatingAnything() throws Exception {
    Engine engine = new Engine();
    VcpuQuota quota = new VcpuQuota("eastus", 100).setFamilyLimit("standardDSv2Family", 10);
    VmssNodePool pool = new VmssNodePool(fixedTimes().initialCount(4).build(), engine, new SplittableRandom(1),
        quota, NodePoolListener.NONE);
    pool.initialNodes();
    NodeGroupException e = catchThrowableOfType(NodeGroupException.class, () -> pool.increaseSize(2));
    assertThat(e.code()).isEqualTo("QuotaExceeded");
    assertThat(e.errorClass()).isEqualTo(NodeGroupException.ErrorClass.OUT_OF_RESOURCES);
    assertThat(e.getMessage()).contains("standardDSv2Family Cores quota", "Current Limit: 10, Current Usage: 8, "
        + "Additional Required: 4, (Minimum) New Limit Required: 12.");
    assertThat(pool.targetSize()).isEqualTo(4);
    assertThat(engine.pending()).isZero();
    pool.increaseSize(1); // 2 more vCPUs still fit
    assertThat(quota.familyUsage("standardDSv2Family")).isEqualTo(10);
  }

  @Test
  void refusesWhenThrottled() throws Exception {
    Engine engine = new Engine();
    VcpuQuota quota = VcpuQuota.unlimited("eastus");
    VmssNodePool pool = new VmssNodePool(fixedTimes().initialCount(0).build(), engine, new SplittableRandom(1),
        quota, new ArmThrottle(2, 60_000), NodePoolListener.NONE, null);
    pool.increaseSize(1);
    pool.increaseSize(1);
    NodeGroupException e = catchThrowableOfType(NodeGroupException.class, () -> pool.increaseSize(1));
    assertThat(e.code()).isEqualTo("Throttled");
    assertThat(e.errorClass()).isEqualTo(NodeGroupException.ErrorClass.OTHER);
    assertThat(ArmThrottle.retryAfterSeconds(e)).isEqualTo(60);
    assertThat(pool.targetSize()).isEqualTo(2);
    assertThat(quota.regionalUsage()).isEqualTo(4);
    engine.runUntil(60_000);
    pool.increaseSize(1);
    assertThat(pool.targetSize()).isEqualTo(3);
  }

  @Test
  void deletingAnInstanceBeforeItRegistersCancelsRegistration() throws Exception {
    Engine engine = new Engine();
    Recorder rec = new Recorder(engine);
    VcpuQuota quota = VcpuQuota.unlimited("eastus");
    VmssNodePool pool = new VmssNodePool(fixedTimes().initialCount(0).build(), engine, new SplittableRandom(1),
        quota, rec);
    pool.increaseSize(1);
    engine.runUntil(20_000);
    // CA deletes an unregistered instance by a node built from the instance name.
    Node ghost = pool.templateNode().withName(pool.instances().get(0).nodeName());
    pool.deleteNodes(List.of(ghost));
    engine.runUntil(200_000);
    assertThat(rec.log).isEmpty();
    assertThat(pool.instances()).isEmpty();
    assertThat(quota.regionalUsage()).isZero();
  }

  @Test
  void deleteRespectsMinSizeAndMembership() throws Exception {
    Engine engine = new Engine();
    VmssNodePool pool = new VmssNodePool(fixedTimes().minSize(2).initialCount(2).build(), engine,
        new SplittableRandom(1), VcpuQuota.unlimited("eastus"), NodePoolListener.NONE);
    List<Node> nodes = pool.initialNodes();
    NodeGroupException e = catchThrowableOfType(NodeGroupException.class, () -> pool.deleteNodes(List.of(nodes.get(0))));
    assertThat(e.getMessage()).startsWith("min size reached, nodes will not be deleted");
    assertThat(pool.targetSize()).isEqualTo(2);
    Node stranger = nodes.get(0).withName("aks-other-12345678-vmss000000");
    NodeGroupException e2 = catchThrowableOfType(NodeGroupException.class, () -> pool.deleteNodes(List.of(stranger)));
    assertThat(e2.code()).isEqualTo("NodeNotInGroup");
  }

  @Test
  void initialNodesAreReadyAtOnceAndChargeQuota() {
    Engine engine = new Engine();
    VcpuQuota quota = new VcpuQuota("eastus", 10);
    VmssNodePool pool = new VmssNodePool(VmssNodePool.Config.builder("agentpool", DS2).initialCount(3).build(),
        engine, new SplittableRandom(1), quota, NodePoolListener.NONE);
    List<Node> nodes = pool.initialNodes();
    assertThat(nodes).hasSize(3).allSatisfy(n -> {
      assertThat(n.ready()).isTrue();
      assertThat(n.creationTime()).isZero();
    });
    assertThat(pool.instances()).extracting(Instance::state).containsOnly(State.RUNNING);
    assertThat(pool.registeredNodes()).isEqualTo(nodes);
    assertThat(quota.regionalUsage()).isEqualTo(6);
    assertThat(engine.pending()).isZero();
    assertThatThrownBy(pool::initialNodes).isInstanceOf(IllegalStateException.class);
    VmssNodePool tooBig = new VmssNodePool(VmssNodePool.Config.builder("big", DS2).initialCount(3).build(),
        engine, new SplittableRandom(1), quota, NodePoolListener.NONE);
    assertThatThrownBy(tooBig::initialNodes).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Total Regional Cores quota");
  }

  @Test
  void templateNodeIsANewInstance() {
    VmssNodePool pool = new VmssNodePool(fixedTimes().build(), new Engine(), new SplittableRandom(1),
        VcpuQuota.unlimited("eastus"), NodePoolListener.NONE);
    Node t = pool.templateNode();
    assertThat(t.ready()).isTrue();
    assertThat(t.creationTime()).isEqualTo(Times.UNSET);
    assertThat(t.allocatable()).isEqualTo(pool.nodeAllocatable());
    assertThat(t.labels().get("agentpool")).isEqualTo("agentpool");
    assertThat(pool.contains(t)).isTrue();
  }

  private static List<String> lifecycle(long seed) throws Exception {
    Engine engine = new Engine();
    RandomStreams streams = new RandomStreams(seed, 0);
    Recorder rec = new Recorder(engine);
    VmssNodePool pool = new VmssNodePool(VmssNodePool.Config.builder("agentpool", DS2).initialCount(0).build(),
        engine, streams.stream("vmss/agentpool"), VcpuQuota.unlimited("eastus"), rec);
    pool.increaseSize(5);
    engine.runUntil(20 * 60_000L);
    return rec.log;
  }

  @Test
  void sameSeedSameInstanceTimes() throws Exception {
    List<String> a = lifecycle(7);
    assertThat(a).hasSize(10);
    assertThat(lifecycle(7)).isEqualTo(a);
    assertThat(lifecycle(8)).isNotEqualTo(a);
  }

  @Test
  void defaultBootTimesLookLikeTheBenchmark() throws Exception {
    Engine engine = new Engine();
    Recorder rec = new Recorder(engine);
    VmssNodePool pool = new VmssNodePool(VmssNodePool.Config.builder("agentpool", DS2).initialCount(0).build(),
        engine, new RandomStreams(1, 0).stream("vmss/agentpool"), VcpuQuota.unlimited("eastus"), rec);
    pool.increaseSize(1000);
    engine.runUntil(20 * 60_000L);
    assertThat(rec.ready).hasSize(1000);
    long[] readyAt = rec.log.stream().filter(s -> s.contains(" ready "))
        .mapToLong(s -> Long.parseLong(s.substring(0, s.indexOf(' ')))).sorted().toArray();
    assertThat(readyAt[499]).isBetween(50_000L, 56_500L); // median ~53 s
    assertThat(readyAt[899]).isBetween(63_000L, 72_000L); // p90 ~67 s
  }
}
