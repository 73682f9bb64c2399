package io.hns.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Label and field selectors of list and watch requests. */
class SelectorsTest {
  static final JsonNode POD = Json.parse("""
      {"metadata":{"name":"p","namespace":"virtualnode","labels":{"app":"nginx-vn","tier":"web"}},
       "spec":{"nodeName":"virtual-node-aci-linux"},"status":{"phase":"Running"},
       "involvedObject":{"kind":"Pod","name":"p"}}""", false);

  @Test
  void labelSelectors() {
    assertThat(Selectors.labels("app=nginx-vn").test(POD)).isTrue();
    assertThat(Selectors.labels("app==nginx-vn,tier!=db").test(POD)).isTrue();
    assertThat(Selectors.labels("app in (a, nginx-vn),!legacy").test(POD)).isTrue();
    assertThat(Selectors.labels("tier notin (web)").test(POD)).isFalse();
    assertThat(Selectors.labels("missing").test(POD)).isFalse();
    assertThat(Selectors.labels("").test(POD)).isTrue();
    assertThatThrownBy(() -> Selectors.labels("app in (a")).isInstanceOf(ApiException.class);
  }

  @Test
  void fieldSelectors() {
    assertThat(Selectors.fields("spec.nodeName=virtual-node-aci-linux,status.phase!=Succeeded").test(POD)).isTrue();
    assertThat(Selectors.fields("involvedObject.kind=Pod,involvedObject.name=p").test(POD)).isTrue();
    assertThat(Selectors.fields("metadata.namespace=default").test(POD)).isFalse();
    assertThat(Selectors.fields("spec.unset=").test(POD)).isTrue();
    assertThatThrownBy(() -> Selectors.fields("spec.nodeName")).isInstanceOf(ApiException.class);
  }
}
