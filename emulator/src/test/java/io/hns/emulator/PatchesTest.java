package io.hns.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The patch types kubectl sends: strategic merge (apply, edit, scale, cordon), merge, JSON patch. */
class PatchesTest {
  static JsonNode json(String s) {
    return Json.parse(s.replace('\'', '"'), false);
  }

  @Test
  void strategicMergeMergesContainersByNameAndReplacesOtherLists() {
    JsonNode live = json("{'spec':{'replicas':3,'template':{'spec':{'containers':[{'name':'a','image':'nginx','ports':"
        + "[{'containerPort':80}]},{'name':'b','image':'busybox'}],'tolerations':[{'key':'x','operator':'Exists'}]}}}}");
    JsonNode patch = json("{'spec':{'replicas':null,'template':{'spec':{'$setElementOrder/containers':[{'name':'a'},{'name':'b'}],"
        + "'containers':[{'name':'a','image':'nginx:1.21'}],'tolerations':[{'key':'y','operator':'Exists'}]}}}}");
    JsonNode out = Patches.apply(Patches.STRATEGIC, live, patch);
    assertThat(out.path("spec").has("replicas")).isFalse();
    JsonNode containers = out.path("spec").path("template").path("spec").path("containers");
    assertThat(containers).hasSize(2);
    assertThat(containers.get(0).path("image").asText()).isEqualTo("nginx:1.21");
    assertThat(containers.get(0).path("ports").get(0).path("containerPort").asInt()).isEqualTo(80);
    assertThat(containers.get(1).path("image").asText()).isEqualTo("busybox");
    assertThat(out.path("spec").path("template").path("spec").path("tolerations")).hasSize(1);
    assertThat(out.toString()).doesNotContain("$setElementOrder");
  }

  @Test
  void strategicMergeDirectives() {
    JsonNode live = json("{'spec':{'taints':[{'key':'a','effect':'NoSchedule'},{'key':'b','effect':'NoSchedule'}],"
        + "'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}},'finalizers':['x','y']}}");
    JsonNode patch = json("{'spec':{'taints':[{'key':'a','$patch':'delete'}],"
        + "'strategy':{'$retainKeys':['type'],'type':'Recreate'},'$deleteFromPrimitiveList/finalizers':['x']}}");
    JsonNode out = Patches.apply(Patches.STRATEGIC, live, patch);
    assertThat(out.path("spec").path("taints")).hasSize(1);
    assertThat(out.path("spec").path("taints").get(0).path("key").asText()).isEqualTo("b");
    assertThat(out.path("spec").path("strategy").toString()).isEqualTo("{\"type\":\"Recreate\"}");
    assertThat(out.path("spec").path("finalizers").toString()).isEqualTo("[\"y\"]");
  }

  @Test
  void mergePatchAndJsonPatch() {
    JsonNode live = json("{'metadata':{'labels':{'a':'1','b':'2'}},'spec':{'replicas':1,'list':[1,2]}}");
    JsonNode merged = Patches.apply(Patches.MERGE_PATCH + "; charset=utf-8", live,
        json("{'metadata':{'labels':{'a':null,'c':'3'}},'spec':{'list':[3]}}"));
    assertThat(merged.path("metadata").path("labels").toString()).isEqualTo("{\"b\":\"2\",\"c\":\"3\"}");
    assertThat(merged.path("spec").path("list").toString()).isEqualTo("[3]");
    JsonNode patched = Patches.apply(Patches.JSON_PATCH, live, json("[{'op':'replace','path':'/spec/replicas','value':5},"
        + "{'op':'add','path':'/spec/list/-','value':9},{'op':'remove','path':'/metadata/labels/a'},"
        + "{'op':'test','path':'/spec/replicas','value':5}]"));
    assertThat(patched.path("spec").path("replicas").asInt()).isEqualTo(5);
    assertThat(patched.path("spec").path("list").toString()).isEqualTo("[1,2,9]");
    assertThat(patched.path("metadata").path("labels").has("a")).isFalse();
    assertThat(live.path("spec").path("replicas").asInt()).as("the live object is not modified").isEqualTo(1);
    assertThatThrownBy(() -> Patches.apply(Patches.JSON_PATCH, live, json("[{'op':'test','path':'/spec/replicas','value':2}]")))
        .isInstanceOf(ApiException.class).hasMessageContaining("test operation failed");
    assertThatThrownBy(() -> Patches.apply("application/xml", live, json("{}")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(415));
  }
}
