package io.hns.model.cluster;

/**
 * One regular container's name, image and requests; -1 where the container sets no request for
 * that resource (the HPA needs to know, since a missing request makes a utilization metric fail).
 */
public record ContainerRequest(String name, String image, long milliCpu, long memory) {
  public boolean hasCpuRequest() {
    return milliCpu >= 0;
  }

  public boolean hasMemoryRequest() {
    return memory >= 0;
  }
}
