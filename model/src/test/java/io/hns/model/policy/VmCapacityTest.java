package io.hns.model.policy;

import static io.hns.model.scheduler.TestClusters.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class VmCapacityTest {
  @Test
  void aPodReadFromALiveClusterCountsAsItsReplacementWouldNotPinnedToItsNode() {
    // Live, a bound pod's spec.nodeName is set (the compiler reads it from the API), which the
    // NodeName filter would take as "this node only"; the ReplicaSet's replacement names no node.
    PodSpec.Builder b = PodSpec.builder().requests(1000, 1L << 30);
    b.nodeName = "virtual-node-aci-linux";
    Pod onAci = Pod.builder("web", "web-1", b.build()).nodeName("virtual-node-aci-linux").build();
    var vm = node("aks-np-0", 3_000, 8L << 30, 30);
    var virtual = node("virtual-node-aci-linux", 100_000, 100L << 30, 1000, "type", "virtual-kubelet");

    assertThat(new VmCapacity(List.of(vm, virtual), List.of(onAci)).reserve(onAci, 5)).isEqualTo(3);
  }
}
