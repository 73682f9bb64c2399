package io.hns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hns explain scale-down} on a fixture shaped like {@code kubectl get pods -o json}: the 20
 * replicas of Deployment web (ReplicaSet web-7c6d8f9b5), 3 on a VMSS node ready 10h, 6h and 1h
 * before the file's latest time (2025-06-01T12:00:00Z) and 17 on the ACI virtual node, ready every
 * 3 minutes up to that time.
 */
class ExplainScaleDownCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VM_10H = "web-7c6d8f9b5-x2k9p";
  private static final String VM_6H = "web-7c6d8f9b5-q8v4m";
  private static final String VM_1H = "web-7c6d8f9b5-h5t7c";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Hns.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private static String fixture() throws URISyntaxException {
    return Path.of(ExplainScaleDownCommandTest.class.getResource("/scale-down/web-20-replicas-hybrid.json").toURI()).toString();
  }

  private JsonNode jsonOutput() throws Exception {
    return JSON.readTree(out.toString());
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(n -> values.add(n.asText()));
    return values;
  }

  @Test
  @DisplayName("seed: scaling the hybrid Deployment from 20 to 2 deletes the 17 ACI pods and the newest VM pod")
  void seedScaleDownKeepsTwoVmPods() throws Exception {
    assertThat(run("explain", "scale-down", "--pods", fixture(), "--replicas", "2", "--output", "json")).isZero();

    JsonNode result = jsonOutput();
    assertThat(result.size()).isEqualTo(2);
    List<String> delete = strings(result.get("delete"));
    assertThat(delete).hasSize(18);
    // Rank 17 (ACI) before rank 3 (VM), then the VM pod ready most recently (rule 6).
    assertThat(delete.subList(0, 17)).doesNotContain(VM_10H, VM_6H, VM_1H);
    assertThat(delete.get(17)).isEqualTo(VM_1H);
    assertThat(strings(result.get("keep"))).containsExactly(VM_10H, VM_6H);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  @DisplayName("--owner selects the ReplicaSet's pods as candidates")
  void ownerSelectsTheCandidates() throws Exception {
    assertThat(run("explain", "scale-down", "--pods", fixture(), "--replicas", "2", "--owner", "web-7c6d8f9b5",
        "--output", "json")).isZero();
    assertThat(strings(jsonOutput().get("keep"))).containsExactly(VM_10H, VM_6H);
  }

  @Test
  @DisplayName("--now a day later puts all VM pods in ready-age bucket 46, so the smallest UID goes")
  void nowChangesTheBuckets() throws Exception {
    // 34h, 30h and 25h are all in bucket 46; UIDs 0b7f... (10h pod) < 6e1d... < a94c...
    assertThat(run("explain", "scale-down", "--pods", fixture(), "--replicas", "2", "--now", "2025-06-02T12:00:00Z",
        "--output", "json")).isZero();
    assertThat(strings(jsonOutput().get("keep"))).containsExactly(VM_6H, VM_1H);
  }

  @Test
  @DisplayName("replicas at or above the candidate count delete nothing")
  void moreReplicasThanPodsDeletesNothing() throws Exception {
    assertThat(run("explain", "scale-down", "--pods", fixture(), "--replicas", "25", "--output", "json")).isZero();
    assertThat(jsonOutput().get("delete")).isEmpty();
    assertThat(jsonOutput().get("keep")).hasSize(20);
  }

  @Test
  @DisplayName("the table shows every pod with its rank, bucket, verdict and deciding rule")
  void tableExplainsEachPod() throws Exception {
    assertThat(run("explain", "scale-down", "--pods", fixture(), "--replicas", "2")).isZero();

    String text = out.toString();
    assertThat(text).contains("20 candidate pods (all active pods), 2 replicas wanted: delete 18.");
    assertThat(text).contains("RANK", "READY-AGE", "VERDICT", "DECIDED BY");
    List<String> lines = text.lines().toList();
    assertThat(lines).filteredOn(l -> l.contains("virtual-node-aci-linux"))
        .hasSize(17)
        .allMatch(l -> l.contains(" 17 ") && l.contains("delete") && l.contains("rule 5"));
    assertThat(lines).filteredOn(l -> podColumn(l).equals(VM_1H)).singleElement()
        .satisfies(l -> assertThat(l).contains(" 3 ", " 41 ", "delete", "rule 6", "vs " + VM_6H));
    assertThat(lines).filteredOn(l -> podColumn(l).equals(VM_10H)).singleElement()
        .satisfies(l -> assertThat(l).contains(" 45 ", "keep", "rule 6", "vs " + VM_1H));
  }

  /** The POD column: the second of the table's space-separated cells. */
  private static String podColumn(String line) {
    String[] cells = line.trim().split("\\s+");
    return cells.length > 1 ? cells[1] : "";
  }

  @Test
  @DisplayName("a malformed pods file is exit code 2 with a message naming the file")
  void badFileIsExitTwo(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("broken-pods.json");
    Files.writeString(bad, "{\"kind\": \"PodList\", \"items\": [");

    assertThat(run("explain", "scale-down", "--pods", bad.toString(), "--replicas", "1")).isEqualTo(2);

    assertThat(err.toString()).startsWith("hns: ").contains(bad.toString()).doesNotContain("Exception");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  @DisplayName("a missing file, a non-pod object, a negative --replicas and an unknown --owner are exit code 2")
  void otherBadInputIsExitTwo(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("nope.json");
    assertThat(run("explain", "scale-down", "--pods", missing.toString(), "--replicas", "1")).isEqualTo(2);
    assertThat(err.toString()).contains(missing.toString());

    Path node = dir.resolve("node.yaml");
    Files.writeString(node, "apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n");
    assertThat(run("explain", "scale-down", "--pods", node.toString(), "--replicas", "1")).isEqualTo(2);
    assertThat(err.toString()).contains(node.toString(), "unexpected kind Node");

    assertThat(run("explain", "scale-down", "--pods", fixture(), "--replicas", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--replicas must be 0 or more");

    assertThat(run("explain", "scale-down", "--pods", fixture(), "--replicas", "1", "--owner", "web-old")).isEqualTo(2);
    assertThat(err.toString()).contains("no active pod is controlled by \"web-old\"", "web-7c6d8f9b5");

    assertThat(run("explain", "scale-down", "--pods", fixture(), "--replicas", "1", "--now", "yesterday")).isEqualTo(2);
    assertThat(err.toString()).contains("--now");
  }
}
