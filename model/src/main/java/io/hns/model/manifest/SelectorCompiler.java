package io.hns.model.manifest;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.hns.model.cluster.LabelRequirement;
import io.hns.model.cluster.LabelSelector;
import io.hns.model.cluster.NodeSelectorTerm;
import io.hns.model.cluster.PodAffinityTerm;
import java.util.ArrayList;
import java.util.List;

/** Compiles node selector terms, label selectors and pod affinity terms. */
final class SelectorCompiler {
  private SelectorCompiler() {}

  static NodeSelectorTerm nodeSelectorTerm(io.fabric8.kubernetes.api.model.NodeSelectorTerm t) {
    List<LabelRequirement> exprs = new ArrayList<>();
    List<LabelRequirement> fields = new ArrayList<>();
    String error = null;
    for (NodeSelectorRequirement r : nullToEmpty(t.getMatchExpressions())) {
      LabelRequirement.Operator op = LabelRequirement.Operator.parse(r.getOperator());
      if (op == null) {
        error = "unknown operator \"" + r.getOperator() + "\"";
        continue;
      }
      exprs.add(new LabelRequirement(nullToEmptyString(r.getKey()), op, ImmutableList.copyOf(nullToEmpty(r.getValues()))));
    }
    for (NodeSelectorRequirement r : nullToEmpty(t.getMatchFields())) {
      LabelRequirement.Operator op = LabelRequirement.Operator.parse(r.getOperator());
      if (op == null) {
        error = "unknown operator \"" + r.getOperator() + "\"";
        continue;
      }
      fields.add(new LabelRequirement(nullToEmptyString(r.getKey()), op, ImmutableList.copyOf(nullToEmpty(r.getValues()))));
    }
    NodeSelectorTerm term = NodeSelectorTerm.of(exprs, fields);
    // A term with an unknown operator is invalid as a whole, like any other parse error.
    return error == null ? term : new NodeSelectorTerm(term.expressions(), term.fields(), error);
  }

  /** metav1.LabelSelectorAsSelector; a null selector matches nothing. */
  static LabelSelector labelSelector(io.fabric8.kubernetes.api.model.LabelSelector s, String where) {
    if (s == null) {
      return LabelSelector.NOTHING;
    }
    List<LabelRequirement> exprs = new ArrayList<>();
    for (LabelSelectorRequirement r : nullToEmpty(s.getMatchExpressions())) {
      LabelRequirement.Operator op = LabelRequirement.Operator.parse(r.getOperator());
      if (op == null || op == LabelRequirement.Operator.GT || op == LabelRequirement.Operator.LT) {
        throw new ManifestException(where + ": \"" + r.getOperator()
            + "\" is not a valid label selector operator (In, NotIn, Exists, DoesNotExist)");
      }
      LabelRequirement req = new LabelRequirement(r.getKey(), op, ImmutableList.copyOf(nullToEmpty(r.getValues())));
      String err = req.validationError();
      if (err != null) {
        throw new ManifestException(where + ": " + err);
      }
      exprs.add(req);
    }
    return LabelSelector.of(s.getMatchLabels() == null ? java.util.Map.of() : s.getMatchLabels(), exprs);
  }

  static PodAffinityTerm podAffinityTerm(io.fabric8.kubernetes.api.model.PodAffinityTerm t, int weight, String where) {
    return new PodAffinityTerm(
        labelSelector(t.getLabelSelector(), where),
        ImmutableSet.copyOf(nullToEmpty(t.getNamespaces())),
        nullToEmptyString(t.getTopologyKey()),
        weight);
  }

  static <T> List<T> nullToEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }

  static String nullToEmptyString(String s) {
    return s == null ? "" : s;
  }
}
