package io.poolkeeper.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** crds/ is generated from the classes in this package; a stale copy would mislead installers. */
class CrdFilesAreUpToDateTest {

  private static final String HOW_TO_FIX =
      "crds/ is out of date with the classes in io.poolkeeper.api: run"
          + " ./mvnw -Pupdate-crds process-classes and commit crds/";

  @Test
  void crdsFolderHoldsExactlyTheGeneratedCrds() {
    List<String> generated = names(ProjectFiles.yamlFiles(ProjectFiles.generatedCrds()));
    List<String> committed = names(ProjectFiles.yamlFiles(ProjectFiles.committedCrds()));

    assertThat(generated)
        .containsExactly(
            "batchpools.poolkeeper.io-v1.yml",
            "galleryimageversions.poolkeeper.io-v1.yml",
            "managedimages.poolkeeper.io-v1.yml");
    assertThat(committed).as(HOW_TO_FIX).isEqualTo(generated);
  }

  @Test
  void committedCrdsEqualTheGeneratedOnes() throws IOException {
    for (Path generated : ProjectFiles.yamlFiles(ProjectFiles.generatedCrds())) {
      Path committed = ProjectFiles.committedCrds().resolve(generated.getFileName());
      assertThat(Files.readString(committed))
          .as(HOW_TO_FIX + " (%s differs)", committed.getFileName())
          .isEqualTo(Files.readString(generated));
    }
  }

  private static List<String> names(List<Path> files) {
    return files.stream().map(p -> p.getFileName().toString()).toList();
  }
}
