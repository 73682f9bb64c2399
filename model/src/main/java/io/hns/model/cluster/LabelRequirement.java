package io.hns.model.cluster;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code key operator values} requirement of a node selector term or a label selector, with
 * the operator semantics of apimachinery's {@code labels.Requirement.Matches}
 * (staging/src/k8s.io/apimachinery/pkg/labels/selector.go).
 */
public record LabelRequirement(String key, Operator operator, ImmutableList<String> values) {

  public enum Operator {
    IN("In"),
    NOT_IN("NotIn"),
    EXISTS("Exists"),
    DOES_NOT_EXIST("DoesNotExist"),
    GT("Gt"),
    LT("Lt");

    private final String wireName;

    Operator(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    /** Null when the operator is unknown. */
    public static Operator parse(String s) {
      for (Operator o : values()) {
        if (o.wireName.equals(s)) {
          return o;
        }
      }
      return null;
    }
  }

  // validation.IsValidLabelValue: at most 63 characters, alphanumeric at both ends.
  private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
  // validation.IsQualifiedName: the name part of a label key (at most 63 characters).
  private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  // validation.IsDNS1123Subdomain: the optional prefix of a label key (at most 253 characters).
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  public LabelRequirement {
    key = Labels.intern(key);
    values = ImmutableList.copyOf(values);
  }

  public static LabelRequirement of(String key, Operator op, String... values) {
    return new LabelRequirement(key, op, ImmutableList.copyOf(values));
  }

  /**
   * Why this requirement is invalid as a node selector requirement
   * ({@code nodeaffinity.nodeSelectorRequirementsAsSelector}), or null when it is valid.
   */
  public String validationError() {
    if (!isValidLabelKey(key)) {
      return "\"" + key + "\" is not a valid label key";
    }
    switch (operator) {
      case IN, NOT_IN -> {
        if (values.isEmpty()) {
          return "operator " + operator.wireName + " needs at least one value";
        }
      }
      case EXISTS, DOES_NOT_EXIST -> {
        if (!values.isEmpty()) {
          return "operator " + operator.wireName + " takes no values";
        }
      }
      case GT, LT -> {
        if (values.size() != 1 || parseInt(values.get(0)) == null) {
          return "operator " + operator.wireName + " needs exactly one integer value";
        }
      }
    }
    for (String v : values) {
      if (v.length() > 63 || !LABEL_VALUE.matcher(v).matches()) {
        return "\"" + v + "\" is not a valid label value";
      }
    }
    return null;
  }

  /**
   * {@code validation.IsQualifiedName}, which {@code labels.NewRequirement} applies to every key:
   * an optional DNS-subdomain prefix and '/', then a name of at most 63 characters.
   */
  static boolean isValidLabelKey(String key) {
    String name = key;
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty() || prefix.length() > 253 || !DNS1123_SUBDOMAIN.matcher(prefix).matches()) {
        return false;
      }
    }
    return !name.isEmpty() && name.length() <= 63 && QUALIFIED_NAME.matcher(name).matches();
  }

  public boolean matches(Labels labels) {
    String actual = labels.get(key);
    return switch (operator) {
      case IN -> actual != null && values.contains(actual);
      case NOT_IN -> actual == null || !values.contains(actual);
      case EXISTS -> actual != null;
      case DOES_NOT_EXIST -> actual == null;
      case GT, LT -> compareInts(actual);
    };
  }

  private boolean compareInts(String actual) {
    if (actual == null) {
      return false;
    }
    Long have = parseInt(actual);
    Long want = values.size() == 1 ? parseInt(values.get(0)) : null;
    if (have == null || want == null) {
      return false;
    }
    return operator == Operator.GT ? have > want : have < want;
  }

  /** strconv.ParseInt(s, 10, 64): leading zeros and a sign allowed. */
  private static Long parseInt(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public static ImmutableList<LabelRequirement> listOf(List<LabelRequirement> l) {
    return ImmutableList.copyOf(l);
  }

  @Override
  public String toString() {
    return key + " " + operator.wireName + (values.isEmpty() ? "" : " " + values);
  }
}
