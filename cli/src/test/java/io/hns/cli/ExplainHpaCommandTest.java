package io.hns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code hns explain hpa} end to end, on fixture files. */
class ExplainHpaCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static String fixture(String name) {
    try {
      return Path.of(ExplainHpaCommandTest.class.getResource("/hpa/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private int run(String... extra) {
    List<String> args = new ArrayList<>(List.of("explain", "hpa", "--hpa", fixture("hpa.yaml"), "--pods",
        fixture("pods.yaml")));
    args.addAll(List.of(extra));
    if (!args.contains("--metrics")) {
      args.addAll(List.of("--metrics", fixture("metrics.json")));
    }
    CommandLine cl = Hns.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args.toArray(String[]::new));
  }

  private JsonNode json(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of(extra));
    args.addAll(List.of("--output", "json"));
    assertThat(run(args.toArray(String[]::new))).as(err.toString()).isZero();
    return new ObjectMapper().readTree(out.toString());
  }

  /**
   * With --target the Deployment's selector picks web-1..4 and its spec.replicas (4) is the current
   * count. replica_calculator.go GetResourceReplicas: 90 % against 50 % is 1.8; web-4 is pending,
   * so on this scale-up it counts as 0 % (67 %, ratio 1.34) and ceil(1.34 x 4) = 6; the legacy
   * scale-up limit max(2 x 4, 4) = 8 lets 6 through.
   */
  @Test
  void jsonWithTarget() throws Exception {
    JsonNode j = json("--target", fixture("deployment.yaml"));
    List<String> fields = new ArrayList<>();
    j.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("currentReplicas", "calculatedReplicas", "desiredReplicas", "utilization", "ratio",
        "readyPods", "unreadyPods", "missingPods", "ignoredPods");
    assertThat(j.get("currentReplicas").asInt()).isEqualTo(4);
    assertThat(j.get("calculatedReplicas").asInt()).isEqualTo(6);
    assertThat(j.get("desiredReplicas").asInt()).isEqualTo(6);
    assertThat(j.get("utilization").asInt()).isEqualTo(90);
    assertThat(j.get("ratio").asDouble()).isEqualTo(1.8);
    assertThat(j.get("readyPods").asInt()).isEqualTo(3);
    assertThat(j.get("unreadyPods").asInt()).isEqualTo(1);
    assertThat(j.get("missingPods").asInt()).isZero();
    assertThat(j.get("ignoredPods").asInt()).isZero();
  }

  /** horizontal.go convertDesiredReplicasWithRules: from 2 replicas the legacy limit max(2 x 2, 4) = 4 caps the 6. */
  @Test
  void replicasOptionAndLegacyScaleUpLimit() throws Exception {
    JsonNode j = json("--target", fixture("deployment.yaml"), "--replicas", "2");
    assertThat(j.get("currentReplicas").asInt()).isEqualTo(2);
    assertThat(j.get("calculatedReplicas").asInt()).isEqualTo(6);
    assertThat(j.get("desiredReplicas").asInt()).isEqualTo(4);
  }

  /**
   * Without --target every pod of the namespace counts (the worker too, the pod in namespace
   * "other" not): 58 %, ratio 1.16; with the pending pod at 0 % it is 48 %, within tolerance, so the
   * count (5 active pods) stays.
   */
  @Test
  void jsonWithoutTargetCountsTheWholeNamespace() throws Exception {
    JsonNode j = json();
    assertThat(j.get("currentReplicas").asInt()).isEqualTo(5);
    assertThat(j.get("utilization").asInt()).isEqualTo(58);
    assertThat(j.get("readyPods").asInt()).isEqualTo(4);
    assertThat(j.get("calculatedReplicas").asInt()).isEqualTo(5);
    assertThat(j.get("desiredReplicas").asInt()).isEqualTo(5);
  }

  /** The text output names the pods in each group, the tolerance verdict and the limits. */
  @Test
  void textExplainsEachStep() {
    assertThat(run("--target", fixture("deployment.yaml"), "--now", "2024-05-01T12:00:05Z", "--replicas", "2"))
        .as(err.toString()).isZero();
    String text = out.toString();
    assertThat(text)
        .contains("HPA shop/web scales Deployment/web between 2 and 10 replicas")
        .contains("Clock 2024-05-01T12:00:05Z; current replicas 2 (from --replicas)")
        .contains("ready    3: web-1, web-2, web-3")
        .contains("unready  1: web-4")
        .contains("usage 90% of request -> ratio 1.800 (tolerance 0.900..1.100: outside)")
        .contains("with missing/unready pods filled in -> ratio 1.340")
        .contains("ceil(rebalanced ratio x samples) -> 6")
        .contains("Calculated replicas: 6")
        .contains("Limits: 2..4 allowed (ScaleUpLimit: the desired replica count is increasing faster than the maximum scale rate)")
        .contains("Desired replicas: 4 (scale up from 2).");
  }

  /**
   * horizontal.go calculateScaleUpLimitWithScalingRules: with behavior, a Pods 1 / 60 s scale-up
   * policy lets 4 replicas grow to 5 only, though the metric asks for 6.
   */
  @Test
  void behaviorPolicyLimitsTheScaleUp() throws Exception {
    List<String> args = new ArrayList<>(List.of("explain", "hpa", "--hpa", fixture("hpa-behavior.yaml"), "--pods",
        fixture("pods.yaml"), "--metrics", fixture("metrics.json"), "--target", fixture("deployment.yaml")));
    CommandLine cl = Hns.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute(args.toArray(String[]::new))).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("behavior: up Max of [1 pods per 60s], window 0 s; down Max of [100% per 15s], window 300 s (flag)")
        .contains("Limits: 2..5 allowed (ScaleUpLimit")
        .contains("Desired replicas: 5 (scale up from 4).");
  }

  /** A current count above maxReplicas goes to max without the metrics (reconcileAutoscaler). */
  @Test
  void currentAboveMaxGoesToMax() throws Exception {
    JsonNode j = json("--target", fixture("deployment.yaml"), "--replicas", "15");
    assertThat(j.get("desiredReplicas").asInt()).isEqualTo(10);
  }

  /** A broken quantity is bad input: exit code 2 and one line naming the file and the field. */
  @Test
  void brokenQuantityExitsTwoNamingTheFile() {
    int code = run("--metrics", fixture("metrics-broken-quantity.json"));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("metrics-broken-quantity.json").contains("containers[0].usage.cpu")
        .contains("450 millicores");
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(out.toString()).isEmpty();
  }

  /** A malformed file is bad input: exit code 2 naming the file. */
  @Test
  void malformedFileExitsTwoNamingTheFile() {
    assertThat(run("--metrics", fixture("metrics-malformed.json"))).isEqualTo(2);
    assertThat(err.toString()).contains("metrics-malformed.json").contains("malformed JSON");
  }

  /** Bad options are usage errors (exit code 2). */
  @Test
  void badOptionsExitTwo() {
    assertThat(run("--output", "xml")).isEqualTo(2);
    assertThat(err.toString()).contains("--output");
    err.getBuffer().setLength(0);
    assertThat(run("--now", "noon")).isEqualTo(2);
    assertThat(err.toString()).contains("--now");
  }
}
