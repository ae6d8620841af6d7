package io.poolkeeper.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkeeper.api.ProjectFiles;
import io.poolkeeper.gitops.Kstatus.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Flux sees of each kind, on the objects Argo CD's health checks are tested with
 * (deploy/argocd/health): the operator's Ready, Reconciling and Stalled conditions give kstatus's
 * Current, InProgress and Failed.
 */
class KstatusVerdictsTest {

  @ParameterizedTest
  @ValueSource(strings = {"ManagedImage", "GalleryImageVersion", "BatchPool"})
  void readyIsCurrentReconcilingIsInProgressAndStalledIsFailed(String kind) throws IOException {
    assertThat(Kstatus.of(testdata(kind, "ready"))).isEqualTo(Verdict.CURRENT);
    assertThat(Kstatus.of(testdata(kind, "reconciling"))).isEqualTo(Verdict.IN_PROGRESS);
    assertThat(Kstatus.of(testdata(kind, "stalled"))).isEqualTo(Verdict.FAILED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ManagedImage", "GalleryImageVersion", "BatchPool"})
  void aSpecChangeTheOperatorHasNotSeenIsInProgressThoughReadyStillHolds(String kind)
      throws IOException {
    JsonNode object = testdata(kind, "new-generation");

    assertThat(object.path("status").path("conditions").get(0).path("status").asText())
        .isEqualTo("True");
    assertThat(Kstatus.of(object)).isEqualTo(Verdict.IN_PROGRESS);
  }

  /**
   * kstatus cannot tell an object no controller has looked at yet from a finished one: with no
   * status it says Current. Argo CD's check says Progressing; Flux users rely on the operator
   * writing status within seconds (README, "Health in Argo CD and Flux").
   */
  @ParameterizedTest
  @ValueSource(strings = {"ManagedImage", "GalleryImageVersion", "BatchPool"})
  void anObjectWithoutStatusIsCurrentToKstatus(String kind) throws IOException {
    assertThat(Kstatus.of(testdata(kind, "unobserved"))).isEqualTo(Verdict.CURRENT);
  }

  private static JsonNode testdata(String kind, String name) throws IOException {
    Path file =
        ProjectFiles.root()
            .resolve("deploy/argocd/health/poolkeeper.io")
            .resolve(kind)
            .resolve("testdata")
            .resolve(name + ".yaml");
    return ProjectFiles.YAML.readTree(file.toFile());
  }
}
