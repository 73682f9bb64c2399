package io.hns.model.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hns.model.cluster.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading what {@code kubectl get -o json|yaml} and hand-written manifests look like
 * (k8s.io/cli-runtime resource.Builder accepts the same shapes: multi-document YAML, v1 List,
 * typed lists whose items omit kind, and JSON arrays).
 */
class ManifestReaderTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static final String NODE_A = """
      apiVersion: v1
      kind: Node
      metadata: {name: a}
      status: {allocatable: {cpu: "2", memory: 4Gi, pods: "30"}}
      """;

  // staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go StreamVisitor: documents separated by
  // "---", empty documents skipped.
  @Test
  void multiDocumentYaml() {
    List<SourcedObject> objects = ManifestReader.read("nodes.yaml",
        NODE_A + "---\n---\n" + NODE_A.replace("name: a", "name: b"));
    assertThat(objects).extracting(SourcedObject::name).containsExactly("a", "b");
    assertThat(objects.get(0).where()).isEqualTo("nodes.yaml:1");
    assertThat(objects.get(1).where()).startsWith("nodes.yaml:");
  }

  // cli-runtime resource.Builder flattens a v1 List (kubectl get -o yaml of several kinds).
  @Test
  void kindList() {
    List<SourcedObject> objects = ManifestReader.read("all.yaml", """
        apiVersion: v1
        kind: List
        items:
          - {apiVersion: v1, kind: Node, metadata: {name: a}}
          - {apiVersion: v1, kind: Pod, metadata: {name: p, namespace: ns}}
        """);
    assertThat(objects).extracting(SourcedObject::kind).containsExactly("Node", "Pod");
    assertThat(objects.get(1).namespace()).isEqualTo("ns");
    assertThat(objects.get(1).where()).isEqualTo("all.yaml:1 items[1]");
  }

  // kubectl get nodes -o json prints a NodeList whose items carry no kind (the API's typed list).
  @Test
  void typedListItemsWithoutKind() {
    List<SourcedObject> objects = ManifestReader.read("nodes.json", """
        {"apiVersion": "v1", "kind": "NodeList", "items": [
          {"metadata": {"name": "a"}},
          {"metadata": {"name": "b"}}
        ]}
        """);
    assertThat(objects).extracting(SourcedObject::kind).containsExactly("Node", "Node");
    assertThat(objects).extracting(SourcedObject::apiVersion).containsOnly("v1");
  }

  // A top-level JSON array of objects (jq -s output).
  @Test
  void topLevelJsonArray() {
    List<SourcedObject> objects = ManifestReader.read("nodes.json", """
        [
          {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "a"}},
          {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "b"}}
        ]
        """);
    assertThat(objects).extracting(SourcedObject::name).containsExactly("a", "b");
    assertThat(objects.get(1).where()).isEqualTo("nodes.json:3");
  }

  // Malformed JSON: the message names the file, line and column.
  @Test
  void malformedJsonNamesLineAndColumn() {
    assertThatThrownBy(() -> ManifestReader.read("nodes.json", """
        {
          "kind": "Node",
          "metadata": {"name": "a",}
        }
        """))
        .isInstanceOf(ManifestException.class)
        .hasMessageMatching("nodes\\.json:3:\\d+: malformed JSON: .*");
  }

  // An array that is never closed (a truncated dump) is an error naming the file and the line the
  // array starts on, not a partial read; a dump cut inside an element is malformed JSON at its end.
  @Test
  void unclosedTopLevelArray() {
    assertThatThrownBy(() -> ManifestReader.read("nodes.json", """
        [
          {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "a"}}
        """))
        .isInstanceOf(ManifestException.class)
        .hasMessage("nodes.json:1: the top-level array is never closed (missing ']')");
    assertThatThrownBy(() -> ManifestReader.read("nodes.json", """
        [
          {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "a"
        """))
        .isInstanceOf(ManifestException.class)
        .hasMessageMatching("nodes\\.json:3:\\d+: malformed JSON: .*");
  }

  @Test
  void objectWithoutKindAndEmptyFile() {
    assertThatThrownBy(() -> ManifestReader.read("x.yaml", "metadata: {name: a}\n"))
        .hasMessage("x.yaml:1: object has no \"kind\"");
    assertThatThrownBy(() -> ManifestReader.read("x.yaml", "---\n"))
        .hasMessage("x.yaml: holds no Kubernetes objects");
  }

  // A broken quantity names the file, the object and the field path.
  @Test
  void brokenQuantityNamesFileAndFieldPath() throws IOException {
    Path f = write("nodes.json", """
        {"apiVersion": "v1", "kind": "NodeList", "items": [
          {"metadata": {"name": "aks-1"},
           "status": {"capacity": {"cpu": "2", "memory": "7120616Ki", "pods": "30"},
                      "allocatable": {"cpu": "12x", "memory": "4675304Ki", "pods": "30"}}}
        ]}
        """);
    assertThatThrownBy(() -> Manifests.nodes(f))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("(Node aks-1)")
        .hasMessageContaining("status.allocatable.cpu")
        .hasMessageContaining("\"12x\"");
  }

  // kubelet (pkg/kubelet/cm/node_container_manager_linux.go getNodeAllocatable) never reports
  // allocatable above capacity; a dump that does is damaged and rejected clearly.
  @Test
  void allocatableAboveCapacityIsRejected() throws IOException {
    Path f = write("nodes.yaml", """
        apiVersion: v1
        kind: Node
        metadata: {name: aks-1}
        status:
          capacity: {cpu: "2", memory: 7120616Ki, pods: "30"}
          allocatable: {cpu: "3", memory: 4675304Ki, pods: "30"}
        """);
    assertThatThrownBy(() -> Manifests.nodes(f))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("status.allocatable.cpu (3000m) exceeds status.capacity.cpu (2000m)")
        .hasMessageContaining("damaged");
  }

  @Test
  void unknownKindIsRejected() throws IOException {
    Path nodes = write("nodes.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
    assertThatThrownBy(() -> Manifests.nodes(nodes))
        .isInstanceOf(ManifestException.class)
        .hasMessage(nodes + ":1: unexpected kind ConfigMap (a node file takes Node)");
    assertThatThrownBy(() -> Manifests.podOrTemplate(nodes))
        .hasMessage(nodes + ":1: unexpected kind ConfigMap (expected Pod, Deployment or ReplicaSet)");
  }

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> Manifests.nodes(missing)).hasMessage(missing + ": no such file");
  }

  // A node without allocatable (hand-written) falls back to capacity; quantities are exact.
  @Test
  void nodeQuantities() {
    Node n = NodeCompiler.compile(ManifestReader.read("n.yaml", NODE_A).get(0));
    assertThat(n.allocatable().milliCpu()).isEqualTo(2000);
    assertThat(n.allocatable().memory()).isEqualTo(4L << 30);
    assertThat(n.allocatable().pods()).isEqualTo(30);
    assertThat(n.ready()).isFalse();
  }
}
