package io.hns.live.arm;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipeline;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.resourcemanager.containerservice.ContainerServiceManager;
import com.azure.resourcemanager.containerservice.fluent.AgentPoolsClient;
import com.azure.resourcemanager.containerservice.fluent.models.AgentPoolInner;
import com.azure.resourcemanager.containerservice.models.AgentPoolDeleteMachinesParameter;
import java.time.Clock;
import java.util.List;

/**
 * {@link AgentPoolApi} with azure-resourcemanager-containerservice: GET the pool, change the
 * fields, PUT the whole pool back (an agent-pool PUT replaces the pool). Each write is the single
 * initial request of ARM's long-running operation; hns does not wait for the nodes, it watches
 * them arrive through Kubernetes.
 */
public final class AzureSdkAgentPoolApi implements AgentPoolApi {
  private final AgentPoolsClient pools;
  private final AgentPoolRef ref;
  private final Clock clock;

  public AzureSdkAgentPoolApi(HttpPipeline pipeline, AzureProfile profile, AgentPoolRef ref, Clock clock) {
    this.pools = ContainerServiceManager.authenticate(pipeline, profile).serviceClient().getAgentPools();
    this.ref = ref;
    this.clock = clock;
  }

  /**
   * Production: DefaultAzureCredential (environment, workload identity, managed identity, then
   * developer tools) against public Azure. Built only when the config names an agent pool.
   */
  public static AzureSdkAgentPoolApi withDefaultCredential(AgentPoolRef ref, Clock clock) {
    AzureProfile profile = new AzureProfile(null, ref.subscriptionId(), com.azure.core.management.AzureEnvironment.AZURE);
    return new AzureSdkAgentPoolApi(ArmPipelines.azure(new DefaultAzureCredentialBuilder().build(), profile), profile,
        ref, clock);
  }

  @Override
  public AgentPoolState get() throws AgentPoolApiException {
    AgentPoolInner p = read();
    return new AgentPoolState(ref.pool(), orZero(p.count()), Boolean.TRUE.equals(p.enableAutoScaling()),
        orZero(p.minCount()), orZero(p.maxCount()), p.vmSize(), p.provisioningState());
  }

  @Override
  public void setCount(int count) throws AgentPoolApiException {
    AgentPoolInner p = read();
    if (Boolean.TRUE.equals(p.enableAutoScaling())) {
      // ARM refuses a count while the pool's autoscaler is on; say so before spending a throttle token.
      throw new IllegalStateException("agent pool " + ref + " autoscales: move its min/max count instead of its count");
    }
    write(p.withCount(count));
  }

  @Override
  public void setAutoscalerBounds(int minCount, int maxCount) throws AgentPoolApiException {
    AgentPoolInner p = read();
    write(p.withEnableAutoScaling(true).withMinCount(minCount).withMaxCount(maxCount));
  }

  @Override
  public void deleteMachines(List<String> machineNames) throws AgentPoolApiException {
    try {
      pools.deleteMachinesWithResponseAsync(ref.resourceGroup(), ref.cluster(), ref.pool(),
          new AgentPoolDeleteMachinesParameter().withMachineNames(machineNames)).block();
    } catch (HttpResponseException e) {
      throw translate(e);
    }
  }

  private AgentPoolInner read() throws AgentPoolApiException {
    try {
      return pools.get(ref.resourceGroup(), ref.cluster(), ref.pool());
    } catch (HttpResponseException e) {
      throw translate(e);
    }
  }

  private void write(AgentPoolInner p) throws AgentPoolApiException {
    try {
      var response = pools.createOrUpdateWithResponseAsync(ref.resourceGroup(), ref.cluster(), ref.pool(), p, null, null)
          .block();
      if (response != null) {
        response.getValue().blockLast(); // drain the body so the connection is reused
      }
    } catch (HttpResponseException e) {
      throw translate(e);
    }
  }

  private AgentPoolApiException translate(HttpResponseException e) {
    int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
    String code = e instanceof ManagementException m && m.getValue() != null ? m.getValue().getCode() : "";
    String message = e instanceof ManagementException m && m.getValue() != null ? m.getValue().getMessage() : e.getMessage();
    String retryAfter = e.getResponse() == null ? null : e.getResponse().getHeaders().getValue(HttpHeaderName.RETRY_AFTER);
    return new AgentPoolApiException(status, code, "ARM " + status + " on agent pool " + ref + ": " + message,
        AgentPoolApiException.parseRetryAfter(retryAfter, clock.millis()));
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }
}
