package io.poolkeeper.kubetest;

import io.poolkeeper.api.ProjectFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs the kubectl that kube-api-test uses, against the test API server, as a user would. */
public final class Kubectl {

  private final Path binary;
  private final Path kubeconfig;

  Kubectl(Path binary, Path kubeconfig) {
    this.binary = binary;
    this.kubeconfig = kubeconfig;
  }

  /** The kubeconfig of the test API server, for processes that should use it too. */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** The same kubectl with another kubeconfig: another user, e.g. a ServiceAccount's token. */
  public Kubectl as(Path otherKubeconfig) {
    return new Kubectl(binary, otherKubeconfig);
  }

  /** What one kubectl call printed, and how it exited. */
  public record Result(int exitCode, String output) {}

  public Result run(String... args) {
    List<String> command =
        new ArrayList<>(List.of(binary.toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    Commands.Result result = Commands.run(ProjectFiles.root(), command, Duration.ofSeconds(60));
    return new Result(result.exitCode(), result.printed());
  }

  /** Runs kubectl and returns its output, failing with that output when it exits non-zero. */
  public String succeed(String... args) {
    Result result = run(args);
    if (result.exitCode() != 0) {
      throw new AssertionError(
          "kubectl "
              + String.join(" ", args)
              + " exited "
              + result.exitCode()
              + ":\n"
              + result.output());
    }
    return result.output();
  }
}
