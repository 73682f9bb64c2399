package io.hns.model.scheduler.plugins;

import static io.hns.model.scheduler.TestClusters.compilePod;
import static io.hns.model.scheduler.TestClusters.node;
import static io.hns.model.scheduler.TestClusters.scores;
import static io.hns.model.scheduler.TestClusters.snapshot;
import static io.hns.model.scheduler.TestClusters.withImages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * plugins/imagelocality/image_locality.go: sum of size*(nodes with the image / all nodes) over the
 * pod's images present on the node, clamped to [23 MiB, 1000 MiB * containers], scaled to 0..100.
 * Node fixtures are image_locality_test.go's (names as the node reports them).
 */
class ImageLocalityTest {
  private static final long MB = 1024 * 1024;

  private static Map<String, Long> images(Object... nameSize) {
    return Stream.iterate(0, i -> i < nameSize.length, i -> i + 2)
        .collect(Collectors.toMap(i -> (String) nameSize[i], i -> (long) (int) nameSize[i + 1] * MB));
  }

  private static final Map<String, Long> NODE_40_300_2000 = images(
      "gcr.io/40:latest", 40, "gcr.io/40:v1", 40, "gcr.io/300:latest", 300, "gcr.io/300:v1", 300, "gcr.io/2000:latest", 2000);
  private static final Map<String, Long> NODE_250_10 = images("gcr.io/250:latest", 250, "gcr.io/10:latest", 10, "gcr.io/10:v1", 10);
  private static final Map<String, Long> NODE_600_40_900 = images("gcr.io/600:latest", 600, "gcr.io/40:latest", 40, "gcr.io/900:latest", 900);
  private static final Map<String, Long> NODE_300_600_900 = images("gcr.io/300:latest", 300, "gcr.io/600:latest", 600, "gcr.io/900:latest", 900);
  private static final Map<String, Long> NODE_4000_30 = images("gcr.io/4000:latest", 4000, "gcr.io/30:latest", 30);
  private static final Map<String, Long> NODE_20_30_40 = images("gcr.io/20:latest", 20, "gcr.io/30:latest", 30, "gcr.io/40:latest", 40);

  private static Node n(String name, Map<String, Long> imgs) {
    return withImages(node(name), imgs);
  }

  private static Pod podWith(String... images) {
    StringBuilder y = new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n");
    for (int i = 0; i < images.length; i++) {
      y.append("    - {name: c").append(i).append(", image: ").append(images[i]).append("}\n");
    }
    return compilePod(y.toString());
  }

  // image_locality_test.go TestImageLocalityPriority "two images spread on two nodes, prefer the
  // larger image one": node1 40M/2 < 23M -> 0; node2 100*(250M/2 - 23M)/(1000M*2 - 23M) = 5.
  @Test
  void largerImageWins() {
    var s = snapshot(List.of(n("node1", NODE_40_300_2000), n("node2", NODE_250_10)));
    assertThat(scores(new ImageLocality(), podWith("gcr.io/40", "gcr.io/250"), s))
        .containsExactly(entry("node1", 0L), entry("node2", 5L));
  }

  // TestImageLocalityPriority "two images on one node, prefer this node":
  // 100*((40M + 300M)/2 - 23M)/(1000M*2 - 23M) = 7.
  @Test
  void imagesOnOneNodeAdd() {
    var s = snapshot(List.of(n("node1", NODE_40_300_2000), n("node2", NODE_250_10)));
    assertThat(scores(new ImageLocality(), podWith("gcr.io/40", "gcr.io/300"), s))
        .containsExactly(entry("node1", 7L), entry("node2", 0L));
  }

  // TestImageLocalityPriority "if exceed limit, use limit" (4000M/2 >= 2000M -> 100; 10M/2 -> 0)
  // and "... (with node which has no images present)": 100*(4000M/3 - 23M)/(2000M - 23M) = 66.
  @Test
  void thresholds() {
    var two = snapshot(List.of(n("node1", NODE_4000_30), n("node2", NODE_250_10)));
    assertThat(scores(new ImageLocality(), podWith("gcr.io/10", "gcr.io/4000"), two))
        .containsExactly(entry("node1", 100L), entry("node2", 0L));
    var three = snapshot(List.of(n("node1", NODE_4000_30), n("node2", NODE_250_10), node("node3")));
    assertThat(scores(new ImageLocality(), podWith("gcr.io/10", "gcr.io/4000"), three))
        .containsExactly(entry("node1", 66L), entry("node2", 0L), entry("node3", 0L));
  }

  // TestImageLocalityPriority "pod with multiple large images, node2 is preferred" -> 32, 36, 0.
  @Test
  void spreadScalesImageSizes() {
    var s = snapshot(List.of(n("node1", NODE_600_40_900), n("node2", NODE_300_600_900), node("node3")));
    assertThat(scores(new ImageLocality(), podWith("gcr.io/300", "gcr.io/600", "gcr.io/900"), s))
        .containsExactly(entry("node1", 32L), entry("node2", 36L), entry("node3", 0L));
  }

  // TestImageLocalityPriority "pod with multiple small images" -> 1, 0.
  @Test
  void smallImages() {
    var s = snapshot(List.of(n("node1", NODE_20_30_40), n("node2", NODE_4000_30)));
    assertThat(scores(new ImageLocality(), podWith("gcr.io/30", "gcr.io/40"), s))
        .containsExactly(entry("node1", 1L), entry("node2", 0L));
  }

  // image_locality_test.go TestNormalizedImageName.
  @Test
  void normalizedImageName() {
    assertThat(ImageLocality.normalized("root")).isEqualTo("root:latest");
    assertThat(ImageLocality.normalized("gcr.io:5000/root")).isEqualTo("gcr.io:5000/root:latest");
    assertThat(ImageLocality.normalized("root:tag")).isEqualTo("root:tag");
    assertThat(ImageLocality.normalized("root@sha256:abc")).isEqualTo("root@sha256:abc");
  }
}
