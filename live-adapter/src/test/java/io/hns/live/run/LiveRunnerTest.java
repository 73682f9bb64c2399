package io.hns.live.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.hns.live.Decision;
import io.hns.live.Objs;
import io.hns.live.config.LiveConfig;
import io.hns.live.policy.LivePolicies;
import io.hns.model.policy.Placeholders;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Clean shutdown and the next start: placeholders are found by the model's hns.io/placeholder label. */
@EnableKubernetesMockClient(crud = true, https = false)
class LiveRunnerTest {
  KubernetesClient client;

  private LiveConfig config(String onShutdown) throws Exception {
    return LiveConfig.parse("test", new ObjectMapper(new YAMLFactory()).readTree("""
        namespaces: [web]
        leaderElection: {enabled: false}
        placeholders: {onShutdown: %s}
        policy: {namespace: web, fraction: 0.5, cpu: 500m, memory: 64Mi, priority: -5, period: 1s}
        """.formatted(onShutdown)), Set.of(), null);
  }

  private List<String> placeholders() {
    return client.pods().inNamespace("web").withLabel(Placeholders.LABEL).list().getItems().stream()
        .map(p -> p.getMetadata().getName()).sorted().toList();
  }

  @Test
  @DisplayName("placeholders kept on shutdown are adopted by the next process (creates only what is missing, under names not taken); deleted on its shutdown")
  void keepAdoptDelete() throws Exception {
    client.nodes().resource(Objs.vmNode("aks-np-0", "np", true)).create();
    client.nodes().resource(Objs.vmNode("aks-np-1", "np", true)).create();
    client.pods().inNamespace("web").resource(Objs.pod("web", "api-0", "api", "aks-np-0", "Running")).create();

    // First process: half of 3800m of Ready VM CPU in 500m placeholders is 3; kept on shutdown.
    List<Decision> first = new ArrayList<>();
    LiveConfig keep = config("keep");
    try (LiveRunner r = new LiveRunner(client, keep, LivePolicies.create("overprovision", keep), true, "a", first::add,
        new PrintWriter(new StringWriter()), Clock.systemUTC())) {
      r.start(false, false);
      r.tick();
    }
    assertThat(first).filteredOn(d -> d.action().equals("create-pod")).hasSize(3)
        .allSatisfy(d -> assertThat(d.outcome()).isEqualTo(Decision.Outcome.APPLIED));
    assertThat(placeholders()).containsExactly("hns-overprovision-0", "hns-overprovision-1", "hns-overprovision-2");

    // Second process: adopts them; one gone meanwhile is replaced, under a name no adopted one has.
    client.pods().inNamespace("web").withName("hns-overprovision-1").delete();
    List<Decision> second = new ArrayList<>();
    StringWriter err = new StringWriter();
    LiveConfig delete = config("delete");
    try (LiveRunner r = new LiveRunner(client, delete, LivePolicies.create("overprovision", delete), true, "b", second::add,
        new PrintWriter(err), Clock.systemUTC())) {
      r.start(false, false);
      assertThat(err.toString()).contains("found 2 placeholder pod(s) labelled hns.io/placeholder; adopting them");
      r.tick();
      assertThat(second).extracting(Decision::target).containsExactly("pod/web/hns-overprovision-1");
      assertThat(placeholders()).hasSize(3);
    }
    // Its shutdown removes every placeholder, and nothing else.
    assertThat(placeholders()).isEmpty();
    assertThat(client.pods().inNamespace("web").list().getItems()).extracting(p -> p.getMetadata().getName())
        .containsExactly("api-0");
    assertThat(err.toString()).contains("removed 3 placeholder pod(s) in web");
  }
}
