package io.hns.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * kubectl's protobuf request bodies, rebuilt here field by field as kubectl 1.32 writes them
 * (every non-pointer field present, empty strings and zeros included).
 */
class ProtobufBodiesTest {
  /** A tiny protobuf writer. */
  static final class W {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    W varint(int field, long v) {
      tag(field, 0);
      raw(v);
      return this;
    }

    W str(int field, String s) {
      return bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    W msg(int field, W m) {
      return bytes(field, m.out.toByteArray());
    }

    W bytes(int field, byte[] b) {
      tag(field, 2);
      raw(b.length);
      out.writeBytes(b);
      return this;
    }

    private void tag(int field, int wire) {
      raw(((long) field << 3) | wire);
    }

    private void raw(long v) {
      while ((v & ~0x7fL) != 0) {
        out.write((int) ((v & 0x7f) | 0x80));
        v >>>= 7;
      }
      out.write((int) v);
    }
  }

  static W meta(String name) {
    return new W().str(1, name).str(2, "").str(3, "").str(4, "").str(5, "").str(6, "").varint(7, 0).msg(8, new W());
  }

  static byte[] envelope(String apiVersion, String kind, W object) {
    W unknown = new W().msg(1, new W().str(1, apiVersion).str(2, kind)).msg(2, object).str(3, "").str(4, "");
    byte[] body = unknown.out.toByteArray();
    byte[] out = new byte[body.length + 4];
    out[0] = 'k';
    out[1] = '8';
    out[2] = 's';
    System.arraycopy(body, 0, out, 4, body.length);
    return out;
  }

  @Test
  void namespaceAsKubectlCreateNamespaceSendsIt() {
    ObjectNode o = ProtobufBodies.decode(envelope("v1", "Namespace",
        new W().msg(1, meta("virtualnode")).msg(2, new W()).msg(3, new W().str(1, ""))));
    assertThat(o.toString()).isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"virtualnode\"}}");
  }

  @Test
  void deploymentAsKubectlCreateDeploymentSendsIt() {
    W labels = new W().str(1, "app").str(2, "dd");
    W container = new W().str(1, "nginx").str(2, "nginx:1.19").str(5, "")
        .msg(6, new W().str(1, "").varint(2, 0).varint(3, 80).str(4, "").str(5, ""))
        .msg(8, new W().msg(2, new W().str(1, "cpu").msg(2, new W().str(1, "200m"))))
        .str(13, "").str(14, "").varint(16, 0).varint(17, 0).varint(18, 0).str(20, "");
    W podSpec = new W().msg(2, container).str(3, "").str(6, "").varint(11, 0)
        .msg(22, new W().str(1, "virtual-kubelet.io/provider").str(2, "Exists").str(3, "").str(4, ""));
    W spec = new W().varint(1, 2).msg(2, new W().msg(1, labels))
        .msg(3, new W().msg(1, meta("").msg(11, labels)).msg(2, podSpec))
        .msg(4, new W().str(1, "RollingUpdate").msg(2, new W().msg(1, new W().varint(1, 1).varint(2, 0).str(3, "25%"))))
        .varint(5, 0).varint(7, 0);
    ObjectNode o = ProtobufBodies.decode(envelope("apps/v1", "Deployment", new W().msg(1, meta("dd").str(3, "default")
        .msg(11, labels)).msg(2, spec).msg(3, new W().varint(1, 0))));
    assertThat(o.path("metadata").toString()).isEqualTo("{\"name\":\"dd\",\"namespace\":\"default\",\"labels\":{\"app\":\"dd\"}}");
    assertThat(o.path("spec").path("replicas").asInt()).isEqualTo(2);
    assertThat(o.path("spec").path("selector").toString()).isEqualTo("{\"matchLabels\":{\"app\":\"dd\"}}");
    assertThat(o.path("spec").path("strategy").toString())
        .isEqualTo("{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxUnavailable\":\"25%\"}}");
    var c = o.path("spec").path("template").path("spec").path("containers").get(0);
    assertThat(c.toString()).isEqualTo("{\"name\":\"nginx\",\"image\":\"nginx:1.19\",\"ports\":[{\"containerPort\":80}],"
        + "\"resources\":{\"requests\":{\"cpu\":\"200m\"}}}");
    assertThat(o.path("spec").path("template").path("spec").path("tolerations").toString())
        .isEqualTo("[{\"key\":\"virtual-kubelet.io/provider\",\"operator\":\"Exists\"}]");
    assertThat(o.has("status")).isFalse();
  }

  @Test
  void hpaAsKubectlAutoscaleSendsIt() {
    W spec = new W().msg(1, new W().str(1, "Deployment").str(2, "nginx-vn").str(3, "apps/v1"))
        .varint(2, 1).varint(3, 5).varint(4, 50);
    ObjectNode o = ProtobufBodies.decode(envelope("autoscaling/v1", "HorizontalPodAutoscaler",
        new W().msg(1, meta("nginx-vn")).msg(2, spec).msg(3, new W().varint(3, 0).varint(4, 0))));
    assertThat(o.path("spec").toString()).isEqualTo("{\"scaleTargetRef\":{\"kind\":\"Deployment\",\"name\":\"nginx-vn\","
        + "\"apiVersion\":\"apps/v1\"},\"minReplicas\":1,\"maxReplicas\":5,\"targetCPUUtilizationPercentage\":50}");
  }

  @Test
  void secretBytesAreBase64AndUnknownKindsAreRefused() {
    ObjectNode s = ProtobufBodies.decode(envelope("v1", "Secret",
        new W().msg(1, meta("s")).msg(2, new W().str(1, "a").bytes(2, "b".getBytes(StandardCharsets.UTF_8))).str(3, "")));
    assertThat(s.path("data").path("a").asText()).isEqualTo("Yg==");
    assertThatThrownBy(() -> ProtobufBodies.decode(envelope("batch/v1", "Job", new W().msg(1, meta("j")))))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(415));
    assertThatThrownBy(() -> ProtobufBodies.decode(new byte[] {'k', '8', 's', 0, 10, 100}))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
  }
}
