package io.hns.model.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what users have: {@code kubectl get -o json|yaml} output (single objects, {@code List},
 * {@code NodeList}, {@code PodList}, ...), multi-document YAML, and a top-level JSON array of
 * objects. Every object comes back as a tree with its kind and its place in the file; turning it
 * into model values is the compilers' job.
 */
public final class ManifestReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());

  private ManifestReader() {}

  public static List<SourcedObject> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ManifestException(file + ": no such file");
    } catch (MalformedInputException e) {
      throw new ManifestException(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new ManifestException(file + ": cannot read: " + e.getMessage());
    }
    return read(file.toString(), text);
  }

  /** Parses {@code text}; {@code name} is used in messages. */
  public static List<SourcedObject> read(String name, String text) {
    List<SourcedObject> out = new ArrayList<>();
    String trimmed = text.stripLeading();
    boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
    try (Reader r = new StringReader(text);
        JsonParser p = json ? JSON.getFactory().createParser(r) : YAML.getFactory().createParser(r)) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      int docs = 0;
      while (p.nextToken() != null) {
        JsonLocation start = p.currentTokenLocation();
        String where = name + ":" + start.getLineNr();
        if (p.currentToken() == JsonToken.START_ARRAY) {
          readArray(p, name, where, out);
        } else {
          JsonNode doc = p.readValueAsTree();
          if (doc == null || doc.isNull() || doc.isMissingNode()) {
            continue; // an empty YAML document between two "---"
          }
          addDocument(doc, where, out);
        }
        docs++;
        if (json && docs > 1) {
          throw new ManifestException(where + ": unexpected content after the JSON document");
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String at = loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
      throw new ManifestException(name + at + ": malformed " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ManifestException(name + ": cannot read: " + e.getMessage());
    }
    if (out.isEmpty()) {
      throw new ManifestException(name + ": holds no Kubernetes objects");
    }
    return out;
  }

  private static void readArray(JsonParser p, String name, String where, List<SourcedObject> out) throws IOException {
    int i = 0;
    for (JsonToken t = nextOrEof(p); t != JsonToken.END_ARRAY; t = nextOrEof(p)) {
      if (t == null) {
        throw new ManifestException(where + ": the top-level array is never closed (missing ']')");
      }
      String itemWhere = name + ":" + p.currentTokenLocation().getLineNr();
      JsonNode item = p.readValueAsTree();
      if (!item.isObject()) {
        throw new ManifestException(itemWhere + ": array element " + i + " is not an object");
      }
      addDocument(item, itemWhere, out);
      i++;
    }
  }

  /** The next token, or null at the end of the input (Jackson's JSON parser throws there). */
  private static JsonToken nextOrEof(JsonParser p) throws IOException {
    try {
      return p.nextToken();
    } catch (JsonEOFException e) {
      return null;
    }
  }

  private static void addDocument(JsonNode doc, String where, List<SourcedObject> out) {
    if (!doc.isObject()) {
      throw new ManifestException(where + ": expected a Kubernetes object (a mapping with kind and apiVersion)");
    }
    String kind = doc.path("kind").asText("");
    if (kind.isEmpty()) {
      throw new ManifestException(where + ": object has no \"kind\"");
    }
    if (kind.endsWith("List") && doc.has("items")) {
      JsonNode items = doc.get("items");
      if (!items.isArray()) {
        throw new ManifestException(where + ": " + kind + ".items is not a list");
      }
      // Typed lists from the API (NodeList, PodList) may omit kind on their items.
      String itemKind = kind.equals("List") ? "" : kind.substring(0, kind.length() - "List".length());
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        String k = item.path("kind").asText(itemKind);
        if (k.isEmpty()) {
          throw new ManifestException(where + ": items[" + i + "] has no \"kind\"");
        }
        String api = item.path("apiVersion").asText(doc.path("apiVersion").asText(""));
        out.add(new SourcedObject(k, api, item, where + " items[" + i + "]"));
      }
      return;
    }
    out.add(new SourcedObject(kind, doc.path("apiVersion").asText(""), doc, where));
  }
}
