package io.hns.live.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.management.profile.AzureProfile;
import io.hns.live.MutableClock;
import io.hns.live.config.AgentPoolConfig;
import io.hns.model.port.NodeGroupException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The agent-pool node group through the real Azure SDK, against a stand-in ARM on loopback. */
class ArmNodeGroupTest {
  private final MutableClock clock = new MutableClock(1_700_000_000_000L);
  private final List<String> scopes = new CopyOnWriteArrayList<>();
  private final TokenCredential fakeCredential = request -> {
    scopes.addAll(request.getScopes());
    return Mono.just(new AccessToken("fake-token", OffsetDateTime.now().plusHours(1)));
  };
  private FakeArm arm;

  @AfterEach
  void stop() {
    if (arm != null) arm.close();
  }

  private AzureSdkAgentPoolApi api() {
    AgentPoolRef ref = new AgentPoolRef("sub-1", "rg", "aks", "np");
    AzureProfile profile = new AzureProfile(null, "sub-1", ArmPipelines.environmentAt(arm.endpoint()));
    return new AzureSdkAgentPoolApi(ArmPipelines.loopback(fakeCredential), profile, ref, clock);
  }

  private ArmNodeGroup group(Duration window) {
    return new ArmNodeGroup(api(), new AgentPoolConfig("sub-1", "rg", "aks", "np", null, null, window),
        ArmThrottle.aks(clock.millis()), clock, List::of);
  }

  @Test
  @DisplayName("reads the pool and sets its count with GET then PUT of the whole pool, with the credential's token")
  void readsAndSetsCount() throws Exception {
    arm = new FakeArm(3, false, 0, 0);
    AgentPoolState s = api().get();
    assertThat(s.count()).isEqualTo(3);
    assertThat(s.autoscaling()).isFalse();
    assertThat(s.vmSize()).isEqualTo("Standard_DS2_v2");

    api().setCount(5);

    assertThat(arm.pool().path("properties").path("count").asInt()).isEqualTo(5);
    assertThat(arm.writes()).singleElement().satisfies(r -> {
      assertThat(r.method()).isEqualTo("PUT");
      assertThat(r.authorization()).isEqualTo("Bearer fake-token");
      assertThat(r.body()).contains("\"vmSize\":\"Standard_DS2_v2\"", "\"count\":5");
    });
    assertThat(scopes).contains(ArmPipelines.SCOPE);
  }

  @Test
  @DisplayName("decisions within the window coalesce: one PUT with the last target")
  void coalesces() throws Exception {
    arm = new FakeArm(3, false, 0, 0);
    ArmNodeGroup g = group(Duration.ofSeconds(10));
    g.increaseSize(1);
    clock.advance(4_000);
    g.flushDue();                           // window still open
    g.increaseSize(2);                      // last target wins: 3 + 1 + 2
    assertThat(g.targetSize()).isEqualTo(6);
    assertThat(arm.writes()).isEmpty();
    clock.advance(6_000);
    g.flushDue();

    assertThat(arm.writes()).hasSize(1);
    assertThat(arm.pool().path("properties").path("count").asInt()).isEqualTo(6);
    assertThat(g.targetSize()).isEqualTo(6);
  }

  @Test
  @DisplayName("a 429 keeps the target pending until Retry-After has passed, then the PUT goes")
  void honoursRetryAfter() throws Exception {
    arm = new FakeArm(3, false, 0, 0);
    arm.putScript.add(new FakeArm.Scripted(429, "120",
        "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"agent pool write throttled\"}}"));
    ArmNodeGroup g = group(Duration.ZERO.plusMillis(1));
    g.increaseSize(2);
    clock.advance(1);
    g.flushDue();                           // 429, Retry-After 120 s
    assertThat(arm.writes()).hasSize(1);
    assertThat(g.targetSize()).isEqualTo(5);

    clock.advance(60_000);
    g.flushDue();                           // still inside Retry-After: no request
    assertThat(arm.writes()).hasSize(1);
    assertThatThrownBy(() -> g.increaseSize(1)).isInstanceOf(NodeGroupException.class)
        .satisfies(e -> assertThat(((NodeGroupException) e).code()).isEqualTo("Throttled"));

    clock.advance(61_000);
    g.flushDue();
    assertThat(arm.writes()).hasSize(2);
    assertThat(arm.pool().path("properties").path("count").asInt()).isEqualTo(5);
  }

  @Test
  @DisplayName("while the pool autoscales a count is refused without a request; growth moves min/max instead")
  void autoscalingPoolMovesBounds() throws Exception {
    arm = new FakeArm(3, true, 2, 5);
    assertThatThrownBy(() -> api().setCount(4)).isInstanceOf(IllegalStateException.class).hasMessageContaining("autoscales");
    assertThat(arm.writes()).isEmpty();

    ArmNodeGroup g = group(Duration.ofMillis(1));
    assertThat(g.minSize()).isEqualTo(2);
    assertThat(g.maxSize()).isEqualTo(5);
    assertThatThrownBy(() -> g.increaseSize(3)).isInstanceOf(NodeGroupException.class)
        .hasMessageContaining("exceeds the maximum 5");
  }

  @Test
  @DisplayName("growth of an autoscaling pool within its max raises minCount, leaving count to the autoscaler")
  void autoscalingGrowthRaisesMin() throws Exception {
    arm = new FakeArm(3, true, 2, 10);
    ArmNodeGroup g = group(Duration.ofMillis(1));
    g.increaseSize(2);
    clock.advance(1);
    g.flushDue();

    var props = arm.pool().path("properties");
    assertThat(props.path("minCount").asInt()).isEqualTo(5);
    assertThat(props.path("maxCount").asInt()).isEqualTo(10);
    assertThat(props.path("count").asInt()).isEqualTo(3);
    assertThat(props.path("enableAutoScaling").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("deleting nodes names the machines and lowers the target")
  void deletesMachines() throws Exception {
    arm = new FakeArm(3, false, 0, 0);
    var node = io.hns.live.kube.FabricTrees.sourced(io.hns.live.Objs.vmNode("aks-np-2", "np", true));
    var n = io.hns.model.manifest.NodeCompiler.compile(node);
    ArmNodeGroup g = group(Duration.ofMillis(1));
    g.deleteNodes(List.of(n));
    assertThat(arm.writes()).singleElement().satisfies(r -> {
      assertThat(r.path()).endsWith("/deleteMachines");
      assertThat(r.body()).contains("aks-np-2");
    });
    assertThat(g.targetSize()).isEqualTo(2);
  }
}
