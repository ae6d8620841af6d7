package io.poolkeeper.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The project's YAML as tests see it: the committed CRDs, the generated ones and the examples.
 * Shared by the schema tests here and the API-server tests that apply the same files.
 */
public final class ProjectFiles {

  public static final ObjectMapper YAML = new YAMLMapper();

  private ProjectFiles() {}

  /** The repository root: Maven runs tests there and says so in {@code basedir}. */
  public static Path root() {
    return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
  }

  public static Path committedCrds() {
    return root().resolve("crds");
  }

  /** Where crd-generator-maven-plugin writes during process-classes. */
  public static Path generatedCrds() {
    return root().resolve("target/classes/META-INF/fabric8");
  }

  public static Path examples() {
    return root().resolve("examples");
  }

  /** The YAML files directly in a folder, sorted by name. */
  public static List<Path> yamlFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document of a (multi-document) YAML file. */
  public static List<ObjectNode> documents(Path file) {
    try (var parser = new YAMLFactory().createParser(file.toFile())) {
      return documents(parser);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every non-empty document of a YAML stream, e.g. what kubectl kustomize or helm printed. */
  public static List<ObjectNode> documents(String yaml) {
    try (var parser = new YAMLFactory().createParser(yaml)) {
      return documents(parser);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<ObjectNode> documents(com.fasterxml.jackson.core.JsonParser parser)
      throws IOException {
    List<ObjectNode> documents = new ArrayList<>();
    var iterator = YAML.readValues(parser, ObjectNode.class);
    while (iterator.hasNext()) {
      ObjectNode document = iterator.next();
      if (document != null && !document.isEmpty()) {
        documents.add(document);
      }
    }
    return documents;
  }

  /** The committed CRDs by kind (ManagedImage, GalleryImageVersion, BatchPool). */
  public static Map<String, JsonNode> committedCrdsByKind() {
    Map<String, JsonNode> byKind = new TreeMap<>();
    for (Path file : yamlFiles(committedCrds())) {
      for (ObjectNode crd : documents(file)) {
        byKind.put(crd.at("/spec/names/kind").asText(), crd);
      }
    }
    return byKind;
  }

  /** The openAPIV3Schema of the only version of a CRD. */
  public static JsonNode openApiSchema(JsonNode crd) {
    return crd.at("/spec/versions/0/schema/openAPIV3Schema");
  }

  /** The one object of a kind in an example file. */
  public static ObjectNode example(String fileName, String kind) {
    return documents(examples().resolve(fileName)).stream()
        .filter(d -> kind.equals(d.path("kind").asText()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no " + kind + " in " + fileName));
  }
}
