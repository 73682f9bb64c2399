package io.hns.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.hns.live.config.LiveConfig;
import io.hns.live.policy.LivePolicies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** deploy/ holds valid Kubernetes objects, and the ConfigMap's policy config is one hns accepts. */
class DeployManifestsTest {
  private static List<HasMetadata> objects() throws Exception {
    List<HasMetadata> all = new ArrayList<>();
    KubernetesSerialization s = new KubernetesSerialization();
    try (Stream<Path> files = Files.list(Path.of("deploy"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        Object o = s.unmarshal(Files.readString(f));
        if (o instanceof List<?> l) {
          l.forEach(x -> all.add((HasMetadata) x));
        } else {
          all.add((HasMetadata) o);
        }
      }
    }
    return all;
  }

  @Test
  @DisplayName("the manifests parse: namespace, priority class, service account, RBAC, ConfigMap, Deployment")
  void manifestsParse() throws Exception {
    assertThat(objects()).extracting(HasMetadata::getKind).contains("Namespace", "PriorityClass", "ServiceAccount",
        "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "ConfigMap", "Deployment");
    Deployment d = objects().stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst().orElseThrow();
    assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs()).contains("--apply", "--policy-config");
  }

  @Test
  @DisplayName("the ConfigMap's policy.yaml is a valid config for the policy the Deployment runs")
  void configMapIsAValidConfig() throws Exception {
    Deployment d = objects().stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst().orElseThrow();
    ConfigMap cm = objects().stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast).findFirst().orElseThrow();
    var tree = new ObjectMapper(new YAMLFactory()).readTree(cm.getData().get("policy.yaml"));
    LiveConfig config = LiveConfig.parse("configmap.yaml", tree, Set.of("web"), null);
    assertThat(config.bounds().maxPodsMovedPerMinute()).isEqualTo(10);
    assertThat(config.leaseName()).isEqualTo("hns-live");
    String policy = d.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs().get(4);
    assertThat(LivePolicies.create(policy, config).period().toSeconds()).isEqualTo(15);
  }
}
