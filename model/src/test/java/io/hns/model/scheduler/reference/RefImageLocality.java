package io.hns.model.scheduler.reference;

import io.hns.model.cluster.ContainerRequest;
import io.hns.model.scheduler.CycleState;
import io.hns.model.scheduler.NodeInfo;
import io.hns.model.scheduler.ScorePlugin;
import java.util.List;

/**
 * REFERENCE COPY (commit 9e0c0f5, before issue 7's performance work) for differential tests.
 *
 * <p>* plugins/imagelocality/image_locality.go: the sizes of the pod's images already on the node, each
 * scaled by the fraction of nodes that have it, clamped to [23 MiB, 1000 MiB × containers] and
 * mapped to 0..100. Image names are normalized by appending {@code :latest} when untagged.
 */
public final class RefImageLocality implements ScorePlugin {
  private static final long MB = 1024 * 1024;
  private static final long MIN_THRESHOLD = 23 * MB;
  private static final long MAX_CONTAINER_THRESHOLD = 1000 * MB;

  @Override
  public String name() {
    return "ImageLocality";
  }

  @Override
  public Object preScore(CycleState cycle, List<NodeInfo> feasible) {
    return NO_STATE;
  }

  @Override
  public long score(CycleState cycle, Object state, NodeInfo node) {
    int total = cycle.snapshot().size();
    long sum = 0;
    List<ContainerRequest> containers = cycle.pod().spec().containers();
    for (ContainerRequest c : containers) {
      if (c.image() == null) {
        continue;
      }
      String image = normalized(c.image());
      Long size = node.node().imageSizes().get(image);
      if (size != null) {
        double spread = (double) cycle.snapshot().nodesWithImage(image) / total;
        sum += (long) (size * spread);
      }
    }
    long max = MAX_CONTAINER_THRESHOLD * Math.max(1, containers.size());
    long clamped = Math.max(MIN_THRESHOLD, Math.min(max, sum));
    return RefNormalize.MAX_NODE_SCORE * (clamped - MIN_THRESHOLD) / (max - MIN_THRESHOLD);
  }

  static String normalized(String image) {
    return image.lastIndexOf(':') <= image.lastIndexOf('/') ? image + ":latest" : image;
  }
}
