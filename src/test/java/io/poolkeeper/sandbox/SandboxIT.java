package io.poolkeeper.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.poolkeeper.api.ProjectFiles;
import io.poolkeeper.kubetest.RealApiServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's run command ({@code ./sandbox}, which runs {@code java -jar target/poolkeeper.jar
 * sandbox}) as a user or CI runs it: a process of its own, its output going to a file (not a
 * terminal), at a speed that keeps the test short.
 */
@ExtendWith(RealApiServer.class) // makes sure the Kubernetes binaries are there (see .ci/run)
class SandboxIT {

  private static final Path ROOT = ProjectFiles.root();
  private static final String SPEED = "60";
  private static final Pattern KUBECONFIG = Pattern.compile("(?m)^KUBECONFIG=(\\S+)$");
  private static final Pattern KUBECTL =
      Pattern.compile("(?m)^\\s+(\\S+/kubectl) --kubeconfig \\S+ -n render get bp,giv,mi$");

  @Test
  void theRunCommandReachesChainReadyAndCompletesTheTour() throws Exception {
    Sandbox sandbox = Sandbox.start("--speed", SPEED);
    List<ProcessHandle> started = sandbox.childrenOnceKubeconfigIsPrinted();

    assertThat(sandbox.process.waitFor(5, TimeUnit.MINUTES)).as(sandbox.output()).isTrue();

    String output = sandbox.output();
    assertThat(sandbox.process.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("AZURE_EMULATOR=https://127.0.0.1:")
        .contains("chain Ready")
        .contains("The operator saw it and tries again: Resizing again")
        .contains("Healed: render-pool runs 60 nodes and is Ready.")
        .contains("Kept (Terminating until nothing uses it)")
        .contains("refused too: HTTP 409 ScopeLocked")
        .contains("Try next")
        .doesNotContain("\tat ");
    assertThat(started).as("etcd and kube-apiserver").hasSize(2).noneMatch(ProcessHandle::isAlive);
    assertThat(sandbox.directory()).doesNotExist();
  }

  @Test
  void keepRunningServesKubectlUntilSigterm() throws Exception {
    Sandbox sandbox = Sandbox.start("--speed", SPEED, "--keep-running", "--no-tour");
    List<ProcessHandle> started = sandbox.childrenOnceKubeconfigIsPrinted();
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> sandbox.output().contains("Running until Ctrl-C."));
    Path kubeconfig = sandbox.kubeconfig();
    Matcher kubectlLine = KUBECTL.matcher(sandbox.output());
    assertThat(kubectlLine.find()).as(sandbox.output()).isTrue();
    String kubectl = kubectlLine.group(1);

    String listed =
        run(kubectl, "--kubeconfig", kubeconfig.toString(), "-n", "render", "get", "bp,giv,mi");
    assertThat(listed)
        .contains("render-pool")
        .contains("render-base-1-0-0")
        .contains("render-base-2026-11");

    Path pool = Files.createTempFile("tried-pool", ".yaml");
    try {
      Files.writeString(
          pool,
          """
          apiVersion: poolkeeper.io/v1alpha1
          kind: BatchPool
          metadata: {name: tried-pool, namespace: render}
          spec:
            account: {resourceGroup: rg-batch, name: renderbatch}
            vmSize: Standard_D4s_v5
            image: {galleryImageVersionRef: {name: render-base-1-0-0}}
            nodeAgentSkuId: batch.node.ubuntu 22.04
            scale:
              fixed: {targetDedicatedNodes: 5}
          """);
      run(kubectl, "--kubeconfig", kubeconfig.toString(), "apply", "-f", pool.toString());
    } finally {
      Files.deleteIfExists(pool);
    }
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                run(
                    kubectl,
                    "--kubeconfig",
                    kubeconfig.toString(),
                    "-n",
                    "render",
                    "get",
                    "bp/tried-pool",
                    "-o",
                    "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}"
                        + " {.status.currentDedicatedNodes}"),
            "True 5"::equals);

    List<ProcessHandle> descendants = new ArrayList<>(started);
    descendants.addAll(sandbox.process.descendants().toList());
    sandbox.process.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM's shutdown hooks run.

    assertThat(sandbox.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> descendants.stream().noneMatch(ProcessHandle::isAlive));
    assertThat(sandbox.directory()).doesNotExist();
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    return output.strip();
  }

  /** One ./sandbox process, its output in a file. */
  private record Sandbox(Process process, Path log) {

    static Sandbox start(String... options) throws IOException {
      List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("sandbox").toString()));
      command.addAll(List.of(options));
      Path log = Files.createTempFile("poolkeeper-sandbox-it", ".log");
      log.toFile().deleteOnExit();
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(ROOT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      // The JDK that runs the tests, whatever java is first on PATH.
      builder
          .environment()
          .put(
              "PATH",
              Path.of(System.getProperty("java.home"), "bin")
                  + java.io.File.pathSeparator
                  + System.getenv("PATH"));
      return new Sandbox(builder.start(), log);
    }

    String output() {
      try {
        return Files.readString(log, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    Path kubeconfig() {
      Matcher matcher = KUBECONFIG.matcher(output());
      assertThat(matcher.find()).as(output()).isTrue();
      return Path.of(matcher.group(1));
    }

    /** The sandbox's temporary directory, which holds the kubeconfig. */
    Path directory() {
      return kubeconfig().getParent();
    }

    /** Waits for the KUBECONFIG line: by then etcd and kube-apiserver run as its children. */
    List<ProcessHandle> childrenOnceKubeconfigIsPrinted() {
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> KUBECONFIG.matcher(output()).find() || !process.isAlive());
      return process.descendants().toList();
    }
  }
}
