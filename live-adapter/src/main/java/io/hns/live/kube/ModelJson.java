package io.hns.live.kube;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hns.model.cluster.LabelRequirement;
import io.hns.model.cluster.LabelSelector;
import io.hns.model.cluster.NodeSelectorTerm;
import io.hns.model.cluster.PreferredTerm;
import io.hns.model.cluster.Toleration;
import io.hns.model.cluster.TopologySpreadConstraint;
import java.util.List;
import java.util.Map;

/** Model placement values back into the API's JSON spelling (the inverse of the model's compilers). */
final class ModelJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ModelJson() {}

  static ArrayNode tolerations(List<Toleration> tolerations) {
    ArrayNode a = F.arrayNode();
    for (Toleration t : tolerations) {
      ObjectNode o = a.addObject();
      if (!t.key().isEmpty()) o.put("key", t.key());
      o.put("operator", t.operator() == Toleration.Operator.EXISTS ? "Exists" : "Equal");
      if (t.operator() != Toleration.Operator.EXISTS) o.put("value", t.value());
      if (t.effect() != null) o.put("effect", t.effect().wireName());
    }
    return a;
  }

  static ObjectNode nodeSelector(Map<String, String> selector) {
    ObjectNode o = F.objectNode();
    selector.forEach(o::put);
    return o;
  }

  static ArrayNode preferred(List<PreferredTerm> terms) {
    ArrayNode a = F.arrayNode();
    for (PreferredTerm p : terms) {
      ObjectNode o = a.addObject();
      o.put("weight", p.weight());
      o.set("preference", term(p.term()));
    }
    return a;
  }

  static ArrayNode required(List<NodeSelectorTerm> terms) {
    ArrayNode a = F.arrayNode();
    terms.forEach(t -> a.add(term(t)));
    return a;
  }

  static ArrayNode spreadConstraints(List<TopologySpreadConstraint> constraints) {
    ArrayNode a = F.arrayNode();
    for (TopologySpreadConstraint c : constraints) {
      ObjectNode o = a.addObject();
      o.put("maxSkew", c.maxSkew());
      o.put("topologyKey", c.topologyKey());
      o.put("whenUnsatisfiable", c.scheduleAnyway() ? "ScheduleAnyway" : "DoNotSchedule");
      if (!c.selector().matchesNothing()) {
        o.set("labelSelector", selector(c.selector()));
      }
    }
    return a;
  }

  static ObjectNode selector(LabelSelector s) {
    ObjectNode o = F.objectNode();
    if (!s.matchLabels().isEmpty()) o.set("matchLabels", nodeSelector(s.matchLabels()));
    if (!s.expressions().isEmpty()) o.set("matchExpressions", requirements(s.expressions()));
    return o;
  }

  static ObjectNode term(NodeSelectorTerm t) {
    ObjectNode o = F.objectNode();
    if (!t.expressions().isEmpty()) o.set("matchExpressions", requirements(t.expressions()));
    if (!t.fields().isEmpty()) o.set("matchFields", requirements(t.fields()));
    return o;
  }

  private static ArrayNode requirements(List<LabelRequirement> reqs) {
    ArrayNode a = F.arrayNode();
    for (LabelRequirement r : reqs) {
      ObjectNode o = a.addObject();
      o.put("key", r.key());
      o.put("operator", r.operator().wireName());
      if (!r.values().isEmpty()) {
        ArrayNode v = o.putArray("values");
        r.values().forEach(v::add);
      }
    }
    return a;
  }
}
