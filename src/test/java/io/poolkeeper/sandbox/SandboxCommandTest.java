package io.poolkeeper.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.PoolkeeperCommand;
import io.poolkeeper.api.ProjectFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What a newcomer can get wrong ends in one line and a non-zero status, before anything starts. */
class SandboxCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = PoolkeeperCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine.execute(args);
  }

  @Test
  void aPortInUseIsOneLineSayingWhatToDo() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      int port = taken.getLocalPort();

      assertThat(run("sandbox", "--kube-port", String.valueOf(port))).isNotZero();

      assertThat(err.toString().strip())
          .doesNotContain("\n")
          .isEqualTo(
              "poolkeeper sandbox: --kube-port "
                  + port
                  + " is in use on 127.0.0.1: stop what listens there or pick another port (0"
                  + " picks a free one)");
    }
  }

  @Test
  void aSpeedOfZeroIsRefused() {
    assertThat(run("sandbox", "--speed", "0")).isNotZero();
    assertThat(err.toString().strip()).doesNotContain("\n").contains("--speed must be");
  }

  @Test
  void aSeedFileWithAMistakeNamesTheFileInOneLine() throws IOException {
    Path seed = Files.createTempFile("seed", ".yaml");
    try {
      Files.writeString(seed, "subscriptions:\n  - id: s\n    resourceGroupz: []\n");

      assertThat(run("sandbox", "--seed", seed.toString())).isNotZero();

      assertThat(err.toString().strip())
          .doesNotContain("\n")
          .startsWith("poolkeeper sandbox: --seed " + seed + ": not a seed file")
          .contains("resourceGroupz");
    } finally {
      Files.deleteIfExists(seed);
    }
  }

  @Test
  void theDefaultSeedParsesAndNamesTheExamplesSubscriptionFirst() {
    SandboxSeed seed = SandboxSeed.defaults();

    assertThat(seed.defaultSubscription()).isEqualTo("11111111-2222-3333-4444-555555555555");
    assertThat(run("sandbox", "--print-seed")).isZero();
    assertThat(out.toString()).contains("renderbatch").contains("shared_gallery");
  }

  @Test
  void theSandboxAppliesEveryExample() throws IOException {
    try (var files = Files.list(ProjectFiles.examples())) {
      List<String> examples = files.map(file -> file.getFileName().toString()).sorted().toList();

      assertThat(SandboxObjects.EXAMPLES).containsExactlyInAnyOrderElementsOf(examples);
    }
  }

  @Test
  void theSandboxInstallsEveryCrd() {
    List<String> crds =
        ProjectFiles.yamlFiles(ProjectFiles.committedCrds()).stream()
            .map(file -> file.getFileName().toString())
            .toList();

    assertThat(SandboxObjects.CRDS).containsExactlyInAnyOrderElementsOf(crds);
  }
}
