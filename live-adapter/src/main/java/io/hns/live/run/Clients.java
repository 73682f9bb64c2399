package io.hns.live.run;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fabric8 client from a kubeconfig file and optional context, or from the pod's service account. */
public final class Clients {
  private Clients() {}

  /**
   * @param kubeconfig null inside a cluster: the service account's token and CA are used
   * @param context null for the kubeconfig's current context
   */
  public static KubernetesClient connect(Path kubeconfig, String context) {
    if (kubeconfig == null) {
      return new KubernetesClientBuilder().withConfig(Config.autoConfigure(context)).build();
    }
    if (!Files.isReadable(kubeconfig)) {
      throw new IllegalArgumentException("cannot read kubeconfig " + kubeconfig);
    }
    Config config = Config.fromKubeconfig(context, kubeconfig.toFile());
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
