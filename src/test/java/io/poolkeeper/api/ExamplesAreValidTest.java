package io.poolkeeper.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every object in examples/ is valid against the committed CRD schemas. */
class ExamplesAreValidTest {

  private static final CrdSchemaValidator VALIDATOR =
      new CrdSchemaValidator(ProjectFiles.committedCrdsByKind());

  static Stream<Arguments> exampleObjects() {
    List<Arguments> objects = new ArrayList<>();
    for (Path file : ProjectFiles.yamlFiles(ProjectFiles.examples())) {
      for (ObjectNode object : ProjectFiles.documents(file)) {
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
  }
}
