package io.hns.live.kube;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.hns.model.cluster.ContainerRequest;
import io.hns.model.cluster.PodSpec;
import io.hns.model.policy.Placeholders;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model pod (what a policy asks {@code createPod} for: a placeholder of the model's
 * {@link Placeholders}) rendered as a Kubernetes Pod: its labels and annotations (among them
 * {@value Placeholders#LABEL}, by which hns finds its placeholders again), containers' requests,
 * placement and priority, plus the reason it was created. A pod with no containers gets one pause
 * container holding the pod's total request.
 */
public final class PodRenderer {
  /** Why hns created the pod (the decision's reason). */
  public static final String REASON_ANNOTATION = "hns.io/reason";

  private final String negativePriorityClass;

  /**
   * @param negativePriorityClass priority class for pods whose model priority is below zero; the
   *     API server refuses a bare negative {@code spec.priority}, so it must come with a class of
   *     that value
   */
  public PodRenderer(String negativePriorityClass) {
    this.negativePriorityClass = negativePriorityClass;
  }

  public Pod render(io.hns.model.cluster.Pod pod, String reason) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("apiVersion", "v1");
    root.put("kind", "Pod");
    ObjectNode meta = root.putObject("metadata");
    meta.put("name", pod.name());
    meta.put("namespace", pod.namespace());
    if (!pod.labels().isEmpty()) {
      meta.set("labels", ModelJson.nodeSelector(pod.labels().asMap()));
    }
    Map<String, String> annotations = new LinkedHashMap<>(pod.annotations().asMap());
    annotations.put(REASON_ANNOTATION, reason);
    meta.set("annotations", ModelJson.nodeSelector(annotations));
    PodSpec s = pod.spec();
    ObjectNode spec = root.putObject("spec");
    ArrayNode containers = spec.putArray("containers");
    if (s.containers().isEmpty()) {
      ObjectNode c = containers.addObject();
      c.put("name", "pause");
      c.put("image", Placeholders.PAUSE_IMAGE);
      requests(c, s.requests().milliCpu(), s.requests().memory());
    } else {
      for (ContainerRequest cr : s.containers()) {
        ObjectNode c = containers.addObject();
        c.put("name", cr.name());
        c.put("image", cr.image() == null || cr.image().isEmpty() ? Placeholders.PAUSE_IMAGE : cr.image());
        requests(c, cr.milliCpu(), cr.memory());
      }
    }
    if (!s.nodeSelector().isEmpty()) spec.set("nodeSelector", ModelJson.nodeSelector(s.nodeSelector()));
    if (!s.tolerations().isEmpty()) spec.set("tolerations", ModelJson.tolerations(s.tolerations()));
    if (s.requiredAffinity() != null || !s.preferredAffinity().isEmpty()) {
      ObjectNode na = spec.putObject("affinity").putObject("nodeAffinity");
      if (s.requiredAffinity() != null) {
        na.putObject("requiredDuringSchedulingIgnoredDuringExecution").set("nodeSelectorTerms", ModelJson.required(s.requiredAffinity()));
      }
      if (!s.preferredAffinity().isEmpty()) {
        na.set("preferredDuringSchedulingIgnoredDuringExecution", ModelJson.preferred(s.preferredAffinity()));
      }
    }
    if (s.priority() < 0) {
      // The API server's Priority admission sets spec.priority from the class and refuses a pod
      // whose own spec.priority differs: sending both makes a class whose value is not the policy's
      // priority a loud error instead of a silent difference from the simulation.
      spec.put("priorityClassName", negativePriorityClass);
      spec.put("priority", s.priority());
    }
    if (!s.nodeName().isEmpty()) spec.put("nodeName", s.nodeName());
    spec.put("restartPolicy", s.restartPolicy());
    spec.put("terminationGracePeriodSeconds", s.terminationGracePeriodSeconds());
    return FabricTrees.mapper().convertValue(root, Pod.class);
  }

  private static void requests(ObjectNode container, long milliCpu, long memory) {
    ObjectNode req = container.putObject("resources").putObject("requests");
    if (milliCpu > 0) req.put("cpu", milliCpu + "m");
    if (memory > 0) req.put("memory", Long.toString(memory));
    if (req.isEmpty()) container.remove("resources");
  }
}
