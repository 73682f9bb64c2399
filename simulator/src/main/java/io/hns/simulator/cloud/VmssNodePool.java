package io.hns.simulator.cloud;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.Times;
import io.hns.model.port.NodeGroup;
import io.hns.model.port.NodeGroupException;
import io.hns.model.resource.Resources;
import io.hns.simulator.engine.Engine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;

/**
 * A simulated AKS node pool backed by a VM scale set, behind the cluster autoscaler's
 * {@link NodeGroup} SPI.
 *
 * <p>Lifecycle of an instance created by {@link #increaseSize} at time {@code t}: state
 * {@code CREATING} with {@code createdAt = t}; billing and vCPU quota start at {@code t}. The boot
 * latency {@code b} is drawn, then the NotReady lead {@code l}; the node registers NotReady at
 * {@code t + max(0, b - l)} (state {@code RUNNING}, {@code creationTime} = that time,
 * {@link NodePoolListener#nodeRegistered}) and turns Ready at {@code t + b}
 * ({@link NodePoolListener#nodeReady}). {@link #deleteNodes} marks instances {@code DELETING} at
 * once and, after the delete latency, removes them, releases their quota, stops billing and calls
 * {@link NodePoolListener#nodeDeleted} for those that had registered. An instance deleted before it
 * registered never registers.
 *
 * <p>Refusals of {@link #increaseSize}, checked in this order: beyond {@code maxSize} (error class
 * {@code OTHER}, code {@code MaxNodeGroupSizeReached}); the optional {@link ArmThrottle} (code
 * {@code Throttled}, {@code OTHER}); the shared {@link VcpuQuota} (code {@code QuotaExceeded},
 * {@code OUT_OF_RESOURCES}). A throttled request reserves nothing; a request refused for quota has
 * used a throttle token (the PUT reached the resource provider). Quota is all-or-nothing.
 *
 * <p>Randomness comes only from the generator given (for example
 * {@code randomStreams.stream("vmss/" + poolName)}), in a fixed order (per instance: boot, then
 * lead; per deletion: the delete latency), so a seed fixes every time.
 */
public final class VmssNodePool implements NodeGroup {
  /** Max nodes per VMSS node pool: 1000 (MicrosoftDocs/azure-docs container-service-limits, V). */
  public static final int MAX_POOL_SIZE = 1000;

  /** Default max pods with Azure CNI (legacy node subnet): 30 (azure-aks-docs IP planning, V). */
  public static final int MAX_PODS_AZURE_CNI = 30;

  /** Default max pods with kubenet: 110 (azure-aks-docs IP planning, V). */
  public static final int MAX_PODS_KUBENET = 110;

  /** Max pods per node: 10 to 250 (azure-aks-docs IP planning, V). */
  public static final int MIN_MAX_PODS = 10;

  public static final int MAX_MAX_PODS = 250;

  // AKS Linux node pool names: lowercase alphanumeric, start with a letter, 1-12 characters (AKS
  // node-pool naming rule in the az aks nodepool docs; not in azure-facts).
  private static final Pattern POOL_NAME = Pattern.compile("[a-z][a-z0-9]{0,11}");

  /** The pool's mode, as the {@code kubernetes.azure.com/mode} label spells it. */
  public enum Mode {
    SYSTEM,
    USER;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A node pool's configuration. Build with {@link #builder(String, VmSize)}.
   *
   * @param clusterHash the 8 digits AKS puts in VMSS names ({@code aks-<pool>-<8 digits>-vmss}), the
   *     same for every pool of a cluster
   * @param zones availability zones ("1", "2", "3"); empty for a regional pool, whose nodes carry
   *     zone label {@code "0"}
   */
  public record Config(
      String poolName,
      VmSize vmSize,
      int minSize,
      int maxSize,
      int initialCount,
      int maxPods,
      Mode mode,
      Labels extraLabels,
      ImmutableList<Taint> taints,
      LatencyModel bootLatency,
      LatencyModel notReadyLead,
      LatencyModel deleteLatency,
      AksReservations.MemoryRule memoryRule,
      String region,
      ImmutableList<String> zones,
      String clusterHash,
      String subscriptionId,
      String nodeResourceGroup) {

    public Config {
      Objects.requireNonNull(poolName, "poolName");
      Objects.requireNonNull(vmSize, "vmSize");
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(bootLatency, "bootLatency");
      Objects.requireNonNull(notReadyLead, "notReadyLead");
      Objects.requireNonNull(deleteLatency, "deleteLatency");
      Objects.requireNonNull(memoryRule, "memoryRule");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(subscriptionId, "subscriptionId");
      Objects.requireNonNull(nodeResourceGroup, "nodeResourceGroup");
      Objects.requireNonNull(clusterHash, "clusterHash");
      extraLabels = extraLabels == null ? Labels.EMPTY : extraLabels;
      taints = taints == null ? ImmutableList.of() : taints;
      zones = zones == null ? ImmutableList.of() : zones;
      if (!POOL_NAME.matcher(poolName).matches()) {
        throw new IllegalArgumentException("node pool name \"" + poolName
            + "\" must be 1-12 lowercase letters and digits, starting with a letter");
      }
      if (maxSize > MAX_POOL_SIZE) {
        throw new IllegalArgumentException("max size " + maxSize + " of pool " + poolName
            + " is over the VMSS node pool limit of " + MAX_POOL_SIZE);
      }
      int lowestMin = mode == Mode.SYSTEM ? 1 : 0; // system pools keep at least one node (AKS REST spec, V)
      if (minSize < lowestMin || minSize > maxSize) {
        throw new IllegalArgumentException("pool " + poolName + ": need " + lowestMin + " <= min <= max, got min "
            + minSize + ", max " + maxSize);
      }
      if (initialCount < minSize || initialCount > maxSize) {
        throw new IllegalArgumentException("pool " + poolName + ": initial count " + initialCount
            + " is outside [" + minSize + ", " + maxSize + "]");
      }
      if (maxPods < MIN_MAX_PODS || maxPods > MAX_MAX_PODS) {
        throw new IllegalArgumentException("pool " + poolName + ": max pods " + maxPods + " is outside ["
            + MIN_MAX_PODS + ", " + MAX_MAX_PODS + "]");
      }
      if (!clusterHash.matches("\\d{8}")) {
        throw new IllegalArgumentException("cluster hash must be 8 digits: \"" + clusterHash + "\"");
      }
    }

    public static Builder builder(String poolName, VmSize vmSize) {
      return new Builder(poolName, vmSize);
    }

    /** {@code aks-<pool>-<8 digits>-vmss}. */
    public String vmssName() {
      return "aks-" + poolName + "-" + clusterHash + "-vmss";
    }
  }

  /** Builder with AKS defaults; every default is documented on its setter's field. */
  public static final class Builder {
    private final String poolName;
    private final VmSize vmSize;
    private int minSize = 0; // user pools may scale to 0 (AKS REST spec AgentPoolProperties.count, V)
    private int maxSize = MAX_POOL_SIZE;
    private int initialCount = 1; // AKS default count 1 (AKS REST spec, V)
    private int maxPods = MAX_PODS_AZURE_CNI; // Azure CNI default 30 (V); kubenet would be 110
    private Mode mode = Mode.USER;
    private Labels extraLabels = Labels.EMPTY;
    private ImmutableList<Taint> taints = ImmutableList.of();
    private LatencyModel bootLatency = DefaultLatencies.vmssNodeBoot();
    private LatencyModel notReadyLead = DefaultLatencies.vmssNotReadyLead();
    private LatencyModel deleteLatency = DefaultLatencies.vmssDelete();
    // Pre-1.29: the rule the seed experiment's node shows (DS2_v2 allocatable 4675304Ki).
    private AksReservations.MemoryRule memoryRule = AksReservations.MemoryRule.PRE_1_29;
    private String region = "eastus"; // the region of the price figures (azure-facts §4)
    private ImmutableList<String> zones = ImmutableList.of();
    private String clusterHash;
    private String subscriptionId = "00000000-0000-0000-0000-000000000000";
    private String nodeResourceGroup = "MC_hns_hns_eastus"; // AKS pattern MC_<group>_<cluster>_<region>

    private Builder(String poolName, VmSize vmSize) {
      this.poolName = poolName;
      this.vmSize = vmSize;
    }

    public Builder minSize(int v) {
      minSize = v;
      return this;
    }

    public Builder maxSize(int v) {
      maxSize = v;
      return this;
    }

    public Builder initialCount(int v) {
      initialCount = v;
      return this;
    }

    public Builder maxPods(int v) {
      maxPods = v;
      return this;
    }

    public Builder mode(Mode v) {
      mode = v;
      return this;
    }

    public Builder labels(Labels v) {
      extraLabels = v;
      return this;
    }

    public Builder taints(List<Taint> v) {
      taints = ImmutableList.copyOf(v);
      return this;
    }

    public Builder bootLatency(LatencyModel v) {
      bootLatency = v;
      return this;
    }

    public Builder notReadyLead(LatencyModel v) {
      notReadyLead = v;
      return this;
    }

    public Builder deleteLatency(LatencyModel v) {
      deleteLatency = v;
      return this;
    }

    public Builder memoryRule(AksReservations.MemoryRule v) {
      memoryRule = v;
      return this;
    }

    public Builder region(String v) {
      region = v;
      return this;
    }

    public Builder zones(List<String> v) {
      zones = ImmutableList.copyOf(v);
      return this;
    }

    /** Default: 8 digits hashed from the node resource group, so all pools of a cluster share them. */
    public Builder clusterHash(String v) {
      clusterHash = v;
      return this;
    }

    public Builder subscriptionId(String v) {
      subscriptionId = v;
      return this;
    }

    public Builder nodeResourceGroup(String v) {
      nodeResourceGroup = v;
      return this;
    }

    public Config build() {
      String hash = clusterHash != null ? clusterHash : String.format("%08d", Math.floorMod(
          Hashing.murmur3_32_fixed().hashString(nodeResourceGroup, StandardCharsets.UTF_8).asInt(), 100_000_000));
      return new Config(poolName, vmSize, minSize, maxSize, initialCount, maxPods, mode, extraLabels, taints,
          bootLatency, notReadyLead, deleteLatency, memoryRule, region, zones, hash, subscriptionId,
          nodeResourceGroup);
    }
  }

  private static final class Vm {
    final int id;
    final String name;
    final long createdAt;
    Instance.State state = Instance.State.CREATING;
    Node node; // set at registration

    Vm(int id, String name, long createdAt) {
      this.id = id;
      this.name = name;
      this.createdAt = createdAt;
    }
  }

  private final Config config;
  private final Engine engine;
  private final RandomGenerator random;
  private final VcpuQuota quota;
  private final ArmThrottle throttle;
  private final NodePoolListener listener;
  private final CostLedger ledger;
  private final Resources capacity;
  private final Resources allocatable;
  private final String providerIdPrefix;
  private final Map<String, Vm> vms = new LinkedHashMap<>();
  /** Instances not deleting: the target size, kept as instances are created and deleted. */
  private int notDeleting;
  private int nextInstanceId;
  private boolean initialCreated;

  /**
   * @param random this pool's stream, for example {@code streams.stream("vmss/" + poolName)}
   * @param quota the subscription's regional vCPU quota, shared by all pools
   * @param throttle the AKS agent-pool PUT throttle, or null for none (the CA path, see ArmThrottle)
   * @param listener told of registrations, readiness and deletions
   * @param ledger billed from instance creation to deletion, or null for no billing
   */
  public VmssNodePool(Config config, Engine engine, RandomGenerator random, VcpuQuota quota,
      ArmThrottle throttle, NodePoolListener listener, CostLedger ledger) {
    this.config = Objects.requireNonNull(config, "config");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.random = Objects.requireNonNull(random, "random");
    this.quota = Objects.requireNonNull(quota, "quota");
    this.throttle = throttle;
    this.listener = listener == null ? NodePoolListener.NONE : listener;
    this.ledger = ledger;
    this.capacity = AksReservations.capacity(config.vmSize(), config.maxPods());
    this.allocatable = AksReservations.allocatable(config.vmSize(), config.maxPods(), config.memoryRule());
    this.providerIdPrefix = "azure:///subscriptions/" + config.subscriptionId() + "/resourceGroups/"
        + config.nodeResourceGroup().toLowerCase(Locale.ROOT)
        + "/providers/Microsoft.Compute/virtualMachineScaleSets/" + config.vmssName() + "/virtualMachines/";
  }

  /** Without throttle or billing. */
  public VmssNodePool(Config config, Engine engine, RandomGenerator random, VcpuQuota quota,
      NodePoolListener listener) {
    this(config, engine, random, quota, null, listener, null);
  }

  public Config config() {
    return config;
  }

  /** Capacity of every node of the pool. */
  public Resources nodeCapacity() {
    return capacity;
  }

  /** Allocatable of every node of the pool (capacity minus AKS reservations). */
  public Resources nodeAllocatable() {
    return allocatable;
  }

  @Override
  public String id() {
    return config.poolName();
  }

  @Override
  public int minSize() {
    return config.minSize();
  }

  @Override
  public int maxSize() {
    return config.maxSize();
  }

  /** Instances creating or running; deleting ones no longer count. */
  @Override
  public int targetSize() {
    return notDeleting;
  }

  /**
   * Creates the initial instances, already registered and Ready at the engine's current time (no
   * latency, no throttle), reserving their quota and starting their billing. Does not call the
   * listener: the caller puts the returned nodes in the cluster. Call once, before any scaling.
   */
  public List<Node> initialNodes() {
    if (initialCreated || !vms.isEmpty()) {
      throw new IllegalStateException("initial nodes of pool " + config.poolName() + " were already created");
    }
    initialCreated = true;
    long now = engine.now();
    int n = config.initialCount();
    try {
      quota.reserve(config.vmSize().quotaFamily(), (long) n * config.vmSize().vcpus());
    } catch (NodeGroupException e) {
      throw new IllegalStateException("initial count " + n + " of pool " + config.poolName()
          + " does not fit the vCPU quota: " + e.getMessage(), e);
    }
    List<Node> nodes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Vm vm = newVm(now);
      vm.state = Instance.State.RUNNING;
      vm.node = buildNode(vm.id, vm.name, now, true);
      nodes.add(vm.node);
    }
    return nodes;
  }

  @Override
  public void increaseSize(int delta) throws NodeGroupException {
    if (delta <= 0) {
      throw new IllegalArgumentException("size increase must be positive, got " + delta);
    }
    int target = targetSize();
    if (target + delta > config.maxSize()) {
      // CA core logs "max node group size reached"; the Azure provider's own text is
      // "size increase too large - desired:%d max:%d" (kubernetes/autoscaler azure_scale_set.go).
      throw new NodeGroupException(NodeGroupException.ErrorClass.OTHER, "MaxNodeGroupSizeReached",
          "max node group size reached: size increase too large - desired:" + (target + delta)
              + " max:" + config.maxSize());
    }
    long now = engine.now();
    if (throttle != null) {
      throttle.acquire(config.poolName(), now);
    }
    quota.reserve(config.vmSize().quotaFamily(), (long) delta * config.vmSize().vcpus());
    for (int i = 0; i < delta; i++) {
      Vm vm = newVm(now);
      long boot = config.bootLatency().sampleMillis(random);
      long lead = config.notReadyLead().sampleMillis(random);
      long registerAt = now + Math.max(0, boot - lead);
      long readyAt = now + boot;
      engine.at(registerAt, Engine.PRIORITY_STATE, () -> register(vm));
      engine.at(readyAt, Engine.PRIORITY_STATE, () -> becomeReady(vm));
    }
  }

  private Vm newVm(long now) {
    int id = nextInstanceId++;
    String name = config.vmssName() + base36(id);
    Vm vm = new Vm(id, name, now);
    vms.put(name, vm);
    notDeleting++;
    if (ledger != null) {
      ledger.vmStarted(name, config.vmSize(), now);
    }
    return vm;
  }

  private void register(Vm vm) {
    if (vm.state != Instance.State.CREATING) {
      return; // deleted while creating
    }
    vm.state = Instance.State.RUNNING;
    vm.node = buildNode(vm.id, vm.name, engine.now(), false);
    listener.nodeRegistered(vm.node);
  }

  private void becomeReady(Vm vm) {
    if (vm.state != Instance.State.RUNNING || vm.node == null || vm.node.ready()) {
      return;
    }
    vm.node = vm.node.withReady(true);
    listener.nodeReady(vm.node);
  }

  /**
   * Deletes these instances. Unknown nodes are refused ({@code OTHER}, {@code NodeNotInGroup});
   * nodes already deleting are skipped; the group never goes below {@code minSize}
   * ({@code OTHER}, {@code MinSizeReached}, the Azure provider's "min size reached, nodes will not be
   * deleted"). Nothing is deleted when the call is refused. VMSS instance deletes go to the compute
   * API, so the agent-pool throttle does not apply.
   */
  @Override
  public void deleteNodes(List<Node> nodes) throws NodeGroupException {
    List<Vm> toDelete = new ArrayList<>();
    for (Node node : nodes) {
      Vm vm = vms.get(node.name());
      if (vm == null) {
        throw new NodeGroupException(NodeGroupException.ErrorClass.OTHER, "NodeNotInGroup",
            "node " + node.name() + " does not belong to node group " + config.poolName());
      }
      if (vm.state != Instance.State.DELETING && !toDelete.contains(vm)) {
        toDelete.add(vm);
      }
    }
    if (toDelete.isEmpty()) {
      return;
    }
    if (targetSize() - toDelete.size() < config.minSize()) {
      throw new NodeGroupException(NodeGroupException.ErrorClass.OTHER, "MinSizeReached",
          "min size reached, nodes will not be deleted (target size " + targetSize() + ", deleting "
              + toDelete.size() + ", min " + config.minSize() + ")");
    }
    for (Vm vm : toDelete) {
      vm.state = Instance.State.DELETING;
      notDeleting--;
      long latency = config.deleteLatency().sampleMillis(random);
      engine.after(latency, Engine.PRIORITY_STATE, () -> finishDelete(vm));
    }
  }

  private void finishDelete(Vm vm) {
    vms.remove(vm.name);
    quota.release(config.vmSize().quotaFamily(), config.vmSize().vcpus());
    if (ledger != null) {
      ledger.vmStopped(vm.name, engine.now());
    }
    if (vm.node != null) {
      listener.nodeDeleted(vm.name);
    }
  }

  @Override
  public List<Instance> instances() {
    List<Instance> out = new ArrayList<>(vms.size());
    for (Vm vm : vms.values()) {
      out.add(new Instance(vm.name, vm.state, vm.createdAt, null, null));
    }
    return out;
  }

  /** The registered node of this name as it is now (NotReady or Ready), if any. */
  public Optional<Node> node(String name) {
    Vm vm = vms.get(name);
    return vm == null ? Optional.empty() : Optional.ofNullable(vm.node);
  }

  /** Registered nodes not being deleted, by instance id. */
  public List<Node> registeredNodes() {
    List<Node> out = new ArrayList<>();
    for (Vm vm : vms.values()) {
      if (vm.node != null && vm.state == Instance.State.RUNNING) {
        out.add(vm.node);
      }
    }
    return out;
  }

  @Override
  public Node templateNode() {
    return buildNode(nextInstanceId, "template-node-for-" + config.vmssName(), Times.UNSET, true);
  }

  @Override
  public boolean contains(Node node) {
    return node != null && (vms.containsKey(node.name()) || node.providerId().startsWith(providerIdPrefix));
  }

  /** The provider ID of instance {@code instanceId}. */
  public String providerId(int instanceId) {
    return providerIdPrefix + instanceId;
  }

  /** Six base-36 digits, as VMSS computer names carry the instance id ({@code vmss00000a} is 10). */
  static String base36(int id) {
    String s = Integer.toString(id, 36);
    if (s.length() > 6) {
      throw new IllegalStateException("instance id " + id + " does not fit 6 base-36 digits");
    }
    return "000000".substring(s.length()) + s;
  }

  private String zoneOf(int instanceId) {
    if (config.zones().isEmpty()) {
      return "0"; // AKS nodes outside availability zones carry zone "0" (observed on real nodes; U)
    }
    return config.region() + "-" + config.zones().get(instanceId % config.zones().size());
  }

  /** A node as AKS registers it: the labels a real AKS node carries, then the pool's own labels. */
  private Node buildNode(int instanceId, String name, long creationTime, boolean ready) {
    String pool = config.poolName();
    String size = config.vmSize().name();
    String zone = zoneOf(instanceId);
    Map<String, String> l = new LinkedHashMap<>();
    l.put("agentpool", pool);
    l.put("beta.kubernetes.io/arch", "amd64");
    l.put("beta.kubernetes.io/instance-type", size);
    l.put("beta.kubernetes.io/os", "linux");
    l.put("failure-domain.beta.kubernetes.io/region", config.region());
    l.put("failure-domain.beta.kubernetes.io/zone", zone);
    l.put("kubernetes.azure.com/agentpool", pool);
    l.put("kubernetes.azure.com/cluster", config.nodeResourceGroup());
    l.put("kubernetes.azure.com/mode", config.mode().label());
    l.put("kubernetes.azure.com/role", "agent");
    l.put("kubernetes.io/arch", "amd64");
    l.put(Node.HOSTNAME_LABEL, name);
    l.put("kubernetes.io/os", "linux");
    l.put("kubernetes.io/role", "agent");
    l.put("node-role.kubernetes.io/agent", "");
    l.put("node.kubernetes.io/instance-type", size);
    l.put(Node.REGION_LABEL, config.region());
    l.put(Node.ZONE_LABEL, zone);
    l.putAll(config.extraLabels().asMap());
    return new Node(name, Labels.of(l), Labels.EMPTY, config.taints(), capacity, allocatable, false, ready,
        providerId(instanceId), creationTime, null);
  }
}
