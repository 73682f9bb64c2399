package io.hns.model.cluster;

import com.google.common.collect.ImmutableList;

/**
 * One node selector term: all its label expressions and field expressions must match. As in
 * component-helpers' {@code nodeaffinity.newNodeSelectorTerms}, a term with neither expressions nor
 * fields is dropped (matches nothing), and a term with an invalid requirement matches nothing.
 * The only field is {@code metadata.name}, with {@code In}/{@code NotIn} and exactly one value.
 */
public record NodeSelectorTerm(
    ImmutableList<LabelRequirement> expressions, ImmutableList<LabelRequirement> fields, String error) {

  public static final String NODE_NAME_FIELD = "metadata.name";

  public static NodeSelectorTerm of(
      java.util.List<LabelRequirement> expressions, java.util.List<LabelRequirement> fields) {
    String error = null;
    for (LabelRequirement r : expressions) {
      if (error == null) error = r.validationError();
    }
    for (LabelRequirement r : fields) {
      if (error != null) break;
      if (!r.key().equals(NODE_NAME_FIELD)) {
        error = "field \"" + r.key() + "\" is not supported (only metadata.name)";
      } else if ((r.operator() != LabelRequirement.Operator.IN
              && r.operator() != LabelRequirement.Operator.NOT_IN)
          || r.values().size() != 1) {
        error = "metadata.name needs operator In or NotIn with exactly one value";
      }
    }
    return new NodeSelectorTerm(ImmutableList.copyOf(expressions), ImmutableList.copyOf(fields), error);
  }

  public boolean isEmpty() {
    return expressions.isEmpty() && fields.isEmpty();
  }

  public boolean matches(String nodeName, Labels nodeLabels) {
    if (isEmpty() || error != null) {
      return false;
    }
    for (LabelRequirement r : expressions) {
      if (!r.matches(nodeLabels)) {
        return false;
      }
    }
    for (LabelRequirement f : fields) {
      boolean in = f.values().get(0).equals(nodeName);
      if (f.operator() == LabelRequirement.Operator.IN ? !in : in) {
        return false;
      }
    }
    return true;
  }
}
