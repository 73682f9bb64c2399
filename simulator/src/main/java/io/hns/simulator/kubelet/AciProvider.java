package io.hns.simulator.kubelet;

import io.hns.model.cluster.ContainerRequest;
import io.hns.model.cluster.Pod;
import io.hns.simulator.cloud.AciService;

/**
 * The azure-aci provider's CreatePod: one container group per pod, named {@code <namespace>-<pod>},
 * sized by the pod's requests. A pod without requests gets the provider's defaults of 1 vCPU and
 * 1.5 GB (assumption from the azure-aci provider's container defaults).
 */
public final class AciProvider implements ContainerProvider {
  static final long DEFAULT_MILLI_CPU = 1000;
  static final long DEFAULT_MEMORY = 1_500_000_000L;

  private final AciService aci;
  private final KubeletConfig kubelet;

  public AciProvider(AciService aci, KubeletConfig kubelet) {
    this.aci = aci;
    this.kubelet = kubelet;
  }

  @Override
  public ProviderResult create(Pod pod, long now) {
    long cpu = pod.spec().requests().milliCpu();
    long mem = pod.spec().requests().memory();
    String image = pod.spec().containers().isEmpty() ? "" : pod.spec().containers().get(0).image();
    long imageBytes = 0;
    for (ContainerRequest c : pod.spec().containers()) {
      imageBytes += kubelet.imageBytes(c.image());
    }
    AciService.CreateResult r = aci.create(groupName(pod), cpu == 0 ? DEFAULT_MILLI_CPU : cpu,
        mem == 0 ? DEFAULT_MEMORY : mem, image, imageBytes, now);
    return r.success() ? ProviderResult.runningAt(r.runningAt()) : ProviderResult.refused(r.code(), r.message());
  }

  @Override
  public void delete(Pod pod, long now) {
    aci.delete(groupName(pod), now);
  }

  static String groupName(Pod pod) {
    return pod.namespace() + "-" + pod.name();
  }
}
