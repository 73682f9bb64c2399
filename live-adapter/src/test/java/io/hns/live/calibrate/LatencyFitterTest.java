package io.hns.live.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LatencyFitterTest {
  private static List<Double> sample(org.apache.commons.math3.distribution.RealDistribution d, int n) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(d.sample());
    return out;
  }

  @Test
  @DisplayName("log-normal samples (median 53 s, p90 67 s): log-normal wins and median/p90 come back")
  void recoversLogNormal() {
    double mu = Math.log(53);
    double sigma = (Math.log(67) - mu) / 1.2815515655446004;
    var fit = LatencyFitter.fit(sample(new LogNormalDistribution(new Well19937c(7), mu, sigma), 2000));

    assertThat(fit.best().family()).isEqualTo("log-normal");
    assertThat(fit.best().medianSeconds()).isCloseTo(53, within(53 * 0.03));
    assertThat(fit.best().p90Seconds()).isCloseTo(67, within(67 * 0.03));
    assertThat(fit.logNormal().ksPValue()).isGreaterThan(0.05);
  }

  @Test
  @DisplayName("gamma samples (shape 2, scale 20 s): gamma wins and its parameters come back")
  void recoversGamma() {
    var fit = LatencyFitter.fit(sample(new GammaDistribution(new Well19937c(11), 2, 20), 2000));

    assertThat(fit.best().family()).isEqualTo("gamma");
    var g = (GammaDistribution) fit.gamma().distribution();
    assertThat(g.getShape()).isCloseTo(2, within(0.15));
    assertThat(g.getScale()).isCloseTo(20, within(1.6));
    assertThat(fit.gamma().ksStatistic()).isLessThan(fit.logNormal().ksStatistic());
  }

  @Test
  @DisplayName("too few or degenerate samples are refused with a reason")
  void refusesBadSamples() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LatencyFitter.fit(List.of(1.0, 2.0)))
        .hasMessageContaining("at least 5");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LatencyFitter.fit(List.of(3.0, 3.0, 3.0, 3.0, 3.0)))
        .hasMessageContaining("all samples are equal");
  }

  @Test
  @DisplayName("the fragment has the simulator's keys: nodePools[].bootLatency and virtualNode.aci.startLatency")
  void fragmentKeys() throws Exception {
    var boot = LatencyFitter.fit(sample(new LogNormalDistribution(new Well19937c(3), Math.log(60), 0.3), 200));
    var aci = LatencyFitter.fit(sample(new GammaDistribution(new Well19937c(5), 5, 10), 200));
    String yaml = ScenarioFragment.yaml("rec.jsonl", Map.of("np", boot), aci);

    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    JsonNode pool = root.path("cluster").path("nodePools").get(0);
    assertThat(pool.path("name").asText()).isEqualTo("np");
    assertThat(pool.path("bootLatency").path("median").asText()).matches("\\d+\\.\\ds");
    assertThat(pool.path("bootLatency").path("p90").asText()).matches("\\d+\\.\\ds");
    assertThat(root.path("cluster").path("virtualNode").path("aci").path("startLatency").path("median").asText()).endsWith("s");
    assertThat(yaml).contains("best: gamma (given as median/p90");
  }
}
