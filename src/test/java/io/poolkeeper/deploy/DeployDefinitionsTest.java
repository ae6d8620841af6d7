package io.poolkeeper.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolkeeper.api.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The container image definition (deploy/container/Dockerfile, which cannot be built here: no
 * container engine) runs the packaged jar on a JRE as a numeric non-root user, and every install
 * names the project's version.
 */
class DeployDefinitionsTest {

  private static final Path DOCKERFILE = ProjectFiles.root().resolve("deploy/container/Dockerfile");
  private static final String JAR = "target/poolkeeper.jar";

  @Test
  void theImageRunsThePackagedJarOnAJreAsANumericNonRootUser() {
    List<Instruction> instructions = instructions();

    assertThat(only(instructions, "FROM").arguments()).matches("eclipse-temurin:\\d+-jre\\S*");
    assertThat(imageUser()).as("USER's uid").isPositive();
    assertThat(last(instructions, "USER").arguments())
        .as("numeric, so the kubelet can check runAsNonRoot")
        .matches("\\d+(:\\d+)?");
    String copied =
        instructions.stream()
            .filter(i -> i.keyword().equals("COPY") && i.arguments().contains(JAR))
            .map(i -> i.arguments().substring(i.arguments().lastIndexOf(' ') + 1))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the Dockerfile copies no " + JAR));
    assertThat(execForm(last(instructions, "ENTRYPOINT")))
        .startsWith("java")
        .contains("-jar", copied);
    List<String> entrypoint = execForm(last(instructions, "ENTRYPOINT"));
    assertThat(entrypoint.get(entrypoint.indexOf("-jar") + 1)).isEqualTo(copied);
    assertThat(execForm(last(instructions, "CMD"))).containsExactly("operator");
    assertThat(instructions.indexOf(last(instructions, "USER")))
        .as("USER comes after every RUN, so nothing after it runs as root")
        .isGreaterThan(instructions.indexOf(last(instructions, "RUN")));
  }

  @Test
  void theBuildPackagesTheJarTheImageCopiesAndTheBuildContextHoldsIt() throws IOException {
    assertThat(Files.readString(ProjectFiles.root().resolve("pom.xml")))
        .contains("<finalName>poolkeeper</finalName>");
    assertThat(Files.readAllLines(ProjectFiles.root().resolve(".dockerignore")))
        .contains("*", "!" + JAR);
  }

  @Test
  void theChartTheKustomizeBaseAndTheImageNameTheProjectsVersion() throws IOException {
    String version = releaseVersion();
    JsonNode chart = ProjectFiles.YAML.readTree(Installs.CHART.resolve("Chart.yaml").toFile());
    assertThat(chart.path("version").asText()).isEqualTo(version);
    assertThat(chart.path("appVersion").asText()).isEqualTo(version);
    JsonNode kustomization =
        ProjectFiles.YAML.readTree(Installs.KUSTOMIZE_BASE.resolve("kustomization.yaml").toFile());
    assertThat(kustomization.at("/images/0/newTag").asText()).isEqualTo(version);
    assertThat(
            ProjectFiles.YAML
                .readTree(Installs.CHART.resolve("values.yaml").toFile())
                .at("/image/repository")
                .asText())
        .isEqualTo(kustomization.at("/images/0/newName").asText());
  }

  @Test
  void theChartsCrdsAreTheRepositorysCrds() throws IOException {
    Path crds = Installs.CHART.resolve("crds");
    assertThat(Files.isSymbolicLink(crds)).as("deploy/helm/poolkeeper/crds is a link").isTrue();
    assertThat(crds.toRealPath()).isEqualTo(ProjectFiles.committedCrds().toRealPath());
  }

  @Test
  void theAzureRoleListsEachActionOnceInArmsForm() {
    List<String> actions = AzureRole.actions();

    assertThat(actions)
        .isNotEmpty()
        .doesNotHaveDuplicates()
        .allMatch(action -> action.matches("Microsoft\\.\\w+(/\\w+)+/(read|write|delete|action)"));
    assertThat(AzureRole.action("POST Microsoft.Batch/batchAccounts/pools/stopResize"))
        .isEqualTo("Microsoft.Batch/batchAccounts/pools/stopResize/action");
    assertThat(AzureRole.grants("PATCH Microsoft.Batch/batchAccounts/pools")).isTrue();
    assertThat(AzureRole.grants("DELETE Microsoft.Batch/batchAccounts")).isFalse();
  }

  /** The uid of the image's last USER instruction. */
  static long imageUser() {
    return Long.parseLong(last(instructions(), "USER").arguments().split(":")[0]);
  }

  /** The project's version without -SNAPSHOT: what a release publishes. */
  static String releaseVersion() {
    try {
      Matcher matcher =
          Pattern.compile("<artifactId>poolkeeper</artifactId>\\s*<version>([^<]+)</version>")
              .matcher(Files.readString(ProjectFiles.root().resolve("pom.xml")));
      assertThat(matcher.find()).as("the project's version in pom.xml").isTrue();
      return matcher.group(1).replace("-SNAPSHOT", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Instruction(String keyword, String arguments) {}

  /** The Dockerfile's instructions, continuation lines joined and comments dropped. */
  private static List<Instruction> instructions() {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    try {
      for (String line : Files.readAllLines(DOCKERFILE)) {
        String trimmed = line.strip();
        if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
          continue;
        }
        if (trimmed.endsWith("\\")) {
          current.append(trimmed, 0, trimmed.length() - 1).append(' ');
          continue;
        }
        current.append(trimmed);
        String text = current.toString().strip();
        current.setLength(0);
        int space = text.indexOf(' ');
        instructions.add(
            new Instruction(
                text.substring(0, space).toUpperCase(java.util.Locale.ROOT),
                text.substring(space + 1).strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return instructions;
  }

  private static Instruction only(List<Instruction> instructions, String keyword) {
    List<Instruction> matching =
        instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    assertThat(matching).as("%s instructions", keyword).hasSize(1);
    return matching.get(0);
  }

  private static Instruction last(List<Instruction> instructions, String keyword) {
    Optional<Instruction> found =
        instructions.stream().filter(i -> i.keyword().equals(keyword)).reduce((a, b) -> b);
    return found.orElseThrow(() -> new AssertionError("the Dockerfile has no " + keyword));
  }

  /** An instruction in exec form (a JSON array), which runs without a shell. */
  private static List<String> execForm(Instruction instruction) {
    try {
      JsonNode array = new ObjectMapper().readTree(instruction.arguments());
      assertThat(array.isArray()).as("%s in exec form", instruction.keyword()).isTrue();
      List<String> words = new ArrayList<>();
      array.forEach(word -> words.add(word.asText()));
      return words;
    } catch (IOException e) {
      throw new AssertionError(instruction.keyword() + " is not a JSON array: " + e.getMessage());
    }
  }
}
