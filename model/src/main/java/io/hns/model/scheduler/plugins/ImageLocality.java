package io.hns.model.scheduler.plugins;

import io.hns.model.cluster.ContainerRequest;
import io.hns.model.scheduler.CycleState;
import io.hns.model.scheduler.NodeInfo;
import io.hns.model.scheduler.ScorePlugin;
import java.util.List;
import java.util.Map;

/**
 * plugins/imagelocality/image_locality.go: the sizes of the pod's images already on the node, each
 * scaled by the fraction of nodes that have it, clamped to [23 MiB, 1000 MiB × containers] and
 * mapped to 0..100. Image names are normalized by appending {@code :latest} when untagged.
 */
public final class ImageLocality implements ScorePlugin {
  private static final long MB = 1024 * 1024;
  private static final long MIN_THRESHOLD = 23 * MB;
  private static final long MAX_CONTAINER_THRESHOLD = 1000 * MB;

  @Override
  public String name() {
    return "ImageLocality";
  }

  /** The pod's images, normalized once per cycle, with the fraction of nodes that have each. */
  private record State(String[] images, double[] spread, long max) {}

  @Override
  public Object preScore(CycleState cycle, List<NodeInfo> feasible) {
    int total = cycle.snapshot().size();
    List<ContainerRequest> containers = cycle.pod().spec().containers();
    String[] images = new String[containers.size()];
    double[] spread = new double[containers.size()];
    int n = 0;
    for (ContainerRequest c : containers) {
      if (c.image() == null) {
        continue;
      }
      String image = normalized(c.image());
      images[n] = image;
      spread[n] = (double) cycle.snapshot().nodesWithImage(image) / total;
      n++;
    }
    long max = MAX_CONTAINER_THRESHOLD * Math.max(1, containers.size());
    return new State(java.util.Arrays.copyOf(images, n), java.util.Arrays.copyOf(spread, n), max);
  }

  /** The node's image sizes are part of its class; the spread is the same for every node. */
  @Override
  public boolean scoreByClass(CycleState cycle, Object state) {
    return true;
  }

  /** Scores are final (no normalization). */
  @Override
  public boolean normalizeByClass(CycleState cycle, Object state) {
    return true;
  }

  @Override
  public long score(CycleState cycle, Object state, NodeInfo node) {
    State s = (State) state;
    long sum = 0;
    if (s.images().length > 0) {
      Map<String, Long> sizes = node.node().imageSizes();
      for (int i = 0; i < s.images().length; i++) {
        Long size = sizes.get(s.images()[i]);
        if (size != null) {
          sum += (long) (size * s.spread()[i]);
        }
      }
    }
    long clamped = Math.max(MIN_THRESHOLD, Math.min(s.max(), sum));
    return Normalize.MAX_NODE_SCORE * (clamped - MIN_THRESHOLD) / (s.max() - MIN_THRESHOLD);
  }

  static String normalized(String image) {
    return image.lastIndexOf(':') <= image.lastIndexOf('/') ? image + ":latest" : image;
  }
}
