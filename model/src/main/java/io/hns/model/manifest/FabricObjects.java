package io.hns.model.manifest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;

/** Turns a tree into a fabric8 kubernetes-model object, with a clear error on a type mismatch. */
public final class FabricObjects {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private FabricObjects() {}

  public static <T> T convert(SourcedObject o, Class<T> type) {
    try {
      return MAPPER.treeToValue(o.tree(), type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? fieldPath(m) : "";
      throw new ManifestException(o.describe() + ": " + (path.isEmpty() ? "" : path + ": ") + e.getOriginalMessage());
    }
  }

  /** Fails unless the object's kind is one of {@code kinds}. */
  public static void requireKind(SourcedObject o, Set<String> kinds, String purpose) {
    if (!kinds.contains(o.kind())) {
      throw new ManifestException(o.where() + ": unexpected kind " + o.kind() + " (" + purpose + " takes "
          + String.join(", ", new java.util.TreeSet<>(kinds)) + ")");
    }
  }

  /** The field path of a Jackson mapping error, as {@code spec.template.spec.containers[0].image}. */
  public static String fieldPath(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (b.length() > 0) b.append('.');
        b.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        b.append('[').append(ref.getIndex()).append(']');
      }
    }
    return b.toString();
  }
}
