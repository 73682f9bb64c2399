package io.hns.simulator.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hns.model.port.NodeGroupException;
import org.junit.jupiter.api.Test;

class VcpuQuotaTest {
  @Test
  void familyRefusalHasAzuresTextAndCode() throws Exception {
    VcpuQuota q = new VcpuQuota("eastus", 100).setFamilyLimit("standardDSv2Family", 10);
    q.reserve("standardDSv2Family", 8);
    NodeGroupException e = catchThrowableOfType(NodeGroupException.class, () -> q.reserve("standardDSv2Family", 4));
    assertThat(e.code()).isEqualTo("QuotaExceeded");
    assertThat(e.errorClass()).isEqualTo(NodeGroupException.ErrorClass.OUT_OF_RESOURCES);
    assertThat(e.getMessage()).isEqualTo("Operation could not be completed as it results in exceeding approved "
        + "standardDSv2Family Cores quota. Additional details - Deployment Model: Resource Manager, Location: eastus, "
        + "Current Limit: 10, Current Usage: 8, Additional Required: 4, (Minimum) New Limit Required: 12.");
    // Nothing was reserved by the refused request.
    assertThat(q.familyUsage("standardDSv2Family")).isEqualTo(8);
    assertThat(q.regionalUsage()).isEqualTo(8);
    q.reserve("standardDSv2Family", 2); // exactly up to the limit is fine
    assertThat(q.refusal("standardDSv2Family", 1)).isPresent();
  }

  @Test
  void regionalRefusalAcrossFamilies() throws Exception {
    VcpuQuota q = new VcpuQuota("westus", 10);
    q.reserve("standardDSv3Family", 6);
    q.reserve("standardBSFamily", 4);
    NodeGroupException e = catchThrowableOfType(NodeGroupException.class, () -> q.reserve("standardDSv5Family", 2));
    assertThat(e.getMessage()).isEqualTo("Operation could not be completed as it results in exceeding approved "
        + "Total Regional Cores quota. Additional details - Deployment Model: Resource Manager, Location: westus, "
        + "Current Limit: 10, Current Usage: 10, Additional Required: 2, (Minimum) New Limit Required: 12.");
    assertThat(q.familyUsage("standardDSv5Family")).isZero();
  }

  @Test
  void releaseGivesBack() throws Exception {
    VcpuQuota q = new VcpuQuota("eastus", 4);
    q.reserve("standardDSv2Family", 4);
    assertThat(q.refusal("standardDSv2Family", 2)).isPresent();
    q.release("standardDSv2Family", 2);
    assertThat(q.refusal("standardDSv2Family", 2)).isEmpty();
    assertThat(q.regionalUsage()).isEqualTo(2);
    assertThatThrownBy(() -> q.release("standardDSv2Family", 3)).isInstanceOf(IllegalStateException.class);
    assertThat(VcpuQuota.unlimited("eastus").refusal("x", 1_000_000)).isEmpty();
  }
}
