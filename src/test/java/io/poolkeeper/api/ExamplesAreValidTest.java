package io.poolkeeper.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Poolkeeper object in examples/ is valid against the committed CRD schemas, and every Secret
 * an example names is in the example.
 */
class ExamplesAreValidTest {

  private static final CrdSchemaValidator VALIDATOR =
      new CrdSchemaValidator(ProjectFiles.committedCrdsByKind());

  static Stream<Arguments> exampleObjects() {
    List<Arguments> objects = new ArrayList<>();
    for (Path file : ProjectFiles.yamlFiles(ProjectFiles.examples())) {
      for (ObjectNode object : poolkeeperObjects(file)) {
        objects.add(
            Arguments.of(
                file.getFileName()
                    + " "
                    + object.path("kind").asText()
                    + "/"
                    + object.at("/metadata/name").asText(),
                object));
      }
    }
    return objects.stream();
  }

  /** The objects of group poolkeeper.io; examples also carry the Secrets they refer to. */
  private static List<ObjectNode> poolkeeperObjects(Path file) {
    return ProjectFiles.documents(file).stream()
        .filter(o -> o.path("apiVersion").asText().startsWith(ApiGroup.NAME + "/"))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleObjects")
  void exampleObjectIsValid(String name, ObjectNode object) {
    assertThat(VALIDATOR.errors(object)).as(name).isEmpty();
  }

  @Test
  void examplesCoverTheChainAnAutoscalePoolAndAnUnmanagedImage() {
    List<String> kinds =
        exampleObjects().map(a -> ((ObjectNode) a.get()[1]).path("kind").asText()).toList();
    assertThat(kinds).contains("ManagedImage", "GalleryImageVersion", "BatchPool");
    assertThat(
            ProjectFiles.example("render-chain.yaml", "BatchPool")
                .at("/spec/scale/fixed/targetDedicatedNodes")
                .asInt())
        .isEqualTo(50);
    assertThat(
            ProjectFiles.example("render-chain.yaml", "GalleryImageVersion")
                .at("/spec/targetRegions")
                .size())
        .isEqualTo(2);
    assertThat(
            ProjectFiles.example("autoscale-pool.yaml", "BatchPool")
                .at("/spec/scale/autoScale")
                .isObject())
        .isTrue();
    assertThat(
            ProjectFiles.example("unmanaged-image-pool.yaml", "BatchPool")
                .at("/spec/image/id")
                .isTextual())
        .isTrue();
    ObjectNode production = ProjectFiles.example("production-pool.yaml", "BatchPool");
    assertThat(production.at("/spec/networkConfiguration/subnetId").asText()).contains("/subnets/");
    assertThat(production.at("/spec/identity/userAssignedIdentities").size()).isEqualTo(1);
    assertThat(production.at("/spec/osDisk/ephemeralOSDiskSettings/placement").asText())
        .isEqualTo("CacheDisk");
    assertThat(production.at("/spec/securityProfile/securityType").asText())
        .isEqualTo("trustedLaunch");
    assertThat(production.at("/spec/mountConfiguration").size()).isEqualTo(2);
    assertThat(production.at("/spec/startTask/resourceFiles/0/identityReference").isObject())
        .isTrue();
  }

  /** A pool whose Secret is missing would wait for it; an example must apply as it is. */
  @Test
  void everySecretKeyRefOfAnExampleNamesASecretKeyOfTheSameFile() {
    for (Path file : ProjectFiles.yamlFiles(ProjectFiles.examples())) {
      List<ObjectNode> documents = ProjectFiles.documents(file);
      List<String> secretKeys = new ArrayList<>();
      documents.stream()
          .filter(o -> "Secret".equals(o.path("kind").asText()))
          .forEach(
              secret ->
                  secret
                      .path("stringData")
                      .fieldNames()
                      .forEachRemaining(
                          key -> secretKeys.add(secret.at("/metadata/name").asText() + "/" + key)));
      for (ObjectNode object : documents) {
        for (JsonNode ref : object.findValues("secretKeyRef")) {
          assertThat(secretKeys)
              .as("%s: %s", file.getFileName(), ref)
              .contains(ref.path("name").asText() + "/" + ref.path("key").asText());
        }
      }
    }
  }
}
