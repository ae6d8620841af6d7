package io.poolkeeper.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkeeper.api.ProjectFiles;
import io.poolkeeper.kubetest.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Argo CD health checks in deploy/argocd/health, run by a real Lua interpreter: gopher-lua, the
 * one Argo CD embeds, through hack/lua-health (built here with Go from the module proxy).
 */
class ArgoCdHealthChecksTest {

  private static final Path CHECKS = ProjectFiles.root().resolve("deploy/argocd/health");
  private static final List<String> KINDS =
      List.of("ManagedImage", "GalleryImageVersion", "BatchPool");

  @Test
  void everyKindHasAHealthCheckWithReadyReconcilingAndStalledCases() throws IOException {
    for (String kind : KINDS) {
      Path dir = CHECKS.resolve("poolkeeper.io").resolve(kind);
      assertThat(dir.resolve("health.lua")).isRegularFile();
      JsonNode tests = ProjectFiles.YAML.readTree(dir.resolve("health_test.yaml").toFile());
      assertThat(tests.path("tests").findValuesAsText("inputPath"))
          .contains("testdata/ready.yaml", "testdata/reconciling.yaml", "testdata/stalled.yaml");
      assertThat(tests.path("tests").findValuesAsText("status"))
          .contains("Healthy", "Progressing", "Degraded");
    }
  }

  @Test
  void everyCaseGivesTheHealthItsTestExpects() throws IOException {
    Path tool = Commands.goTool("lua-health", ".", "lua-health");

    String output =
        Commands.succeed(ProjectFiles.root(), List.of(tool.toString(), CHECKS.toString()));

    assertThat(output.strip().lines().reduce((first, last) -> last).orElse(""))
        .isEqualTo(cases() + " passed, 0 failed");
  }

  private static long cases() throws IOException {
    long cases = 0;
    try (Stream<Path> files = Files.walk(CHECKS)) {
      for (Path file : files.filter(f -> f.endsWith("health_test.yaml")).toList()) {
        cases += ProjectFiles.YAML.readTree(file.toFile()).path("tests").size();
      }
    }
    return cases;
  }
}
