package io.hns.live.kube;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hns.model.cluster.PodSpec;

/**
 * The JSON merge patch (RFC 7386) that gives a Deployment's pod template a placement policy's
 * tolerations, node selector, preferred node affinity and topology spread constraints. Merge patch replaces lists whole, which
 * is what a rewrite means; map keys the rewrite dropped are sent as null so they are removed.
 * Only changed fields are sent, so an unchanged template gives an empty patch.
 */
public final class TemplatePatch {
  private TemplatePatch() {}

  public static ObjectNode between(PodSpec current, PodSpec rewritten) {
    ObjectNode spec = JsonNodeFactory.instance.objectNode();
    if (!current.tolerations().equals(rewritten.tolerations())) {
      spec.set("tolerations", rewritten.tolerations().isEmpty() ? null : ModelJson.tolerations(rewritten.tolerations()));
    }
    if (!current.nodeSelector().equals(rewritten.nodeSelector())) {
      if (rewritten.nodeSelector().isEmpty()) {
        spec.putNull("nodeSelector"); // the whole map goes, rather than one null per key
      } else {
        ObjectNode sel = ModelJson.nodeSelector(rewritten.nodeSelector());
        current.nodeSelector().keySet().stream().filter(k -> !rewritten.nodeSelector().containsKey(k)).forEach(sel::putNull);
        spec.set("nodeSelector", sel);
      }
    }
    if (!current.preferredAffinity().equals(rewritten.preferredAffinity())) {
      ObjectNode nodeAffinity = spec.putObject("affinity").putObject("nodeAffinity");
      if (rewritten.preferredAffinity().isEmpty()) {
        nodeAffinity.putNull("preferredDuringSchedulingIgnoredDuringExecution");
      } else {
        nodeAffinity.set("preferredDuringSchedulingIgnoredDuringExecution", ModelJson.preferred(rewritten.preferredAffinity()));
      }
    }
    if (!current.spreadConstraints().equals(rewritten.spreadConstraints())) {
      spec.set("topologySpreadConstraints", rewritten.spreadConstraints().isEmpty() ? null
          : ModelJson.spreadConstraints(rewritten.spreadConstraints()));
    }
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    if (!spec.isEmpty()) {
      patch.putObject("spec").putObject("template").set("spec", spec);
    }
    return patch;
  }

  public static boolean isEmpty(ObjectNode patch) {
    return patch.isEmpty();
  }
}
