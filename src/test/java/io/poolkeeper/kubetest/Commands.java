package io.poolkeeper.kubetest;

import io.poolkeeper.api.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Commands run to their end, and the tools of hack/ they need, built with Go from the module proxy
 * (machines here have no download sites, so no released binaries).
 */
public final class Commands {

  private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();

  private Commands() {}

  /** What a command printed on stdout and on stderr, and how it exited. */
  public record Result(int exitCode, String output, String errors) {

    /** Both streams, for a failure message. */
    public String printed() {
      return output + errors;
    }
  }

  /**
   * Builds a Go package of the module in {@code hack/<module>} into target/tools/{@code name}, once
   * per test run; Go's build cache makes later runs quick.
   */
  public static Path goTool(String module, String goPackage, String name) {
    return BUILT.computeIfAbsent(
        name,
        key -> {
          Path tool = ProjectFiles.root().resolve("target/tools").resolve(name);
          succeed(
              ProjectFiles.root().resolve("hack").resolve(module),
              List.of("go", "build", "-mod=readonly", "-o", tool.toString(), goPackage));
          return tool;
        });
  }

  /** Runs a command in a folder to its end (at most 15 minutes, for a cold Go build). */
  public static Result run(Path directory, List<String> command) {
    return run(directory, command, Duration.ofMinutes(15));
  }

  /** Runs a command in a folder to its end, failing when it takes longer than {@code limit}. */
  public static Result run(Path directory, List<String> command, Duration limit) {
    try {
      Path output = Files.createTempFile("poolkeeper-command", ".out");
      Path errors = Files.createTempFile("poolkeeper-command", ".err");
      try {
        Process process =
            new ProcessBuilder(new ArrayList<>(command))
                .directory(directory.toFile())
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new AssertionError(command + " did not finish within " + limit);
        }
        return new Result(
            process.exitValue(),
            Files.readString(output, StandardCharsets.UTF_8),
            Files.readString(errors, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(output);
        Files.deleteIfExists(errors);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs a command and returns its stdout, failing with all it printed when it exits non-zero. */
  public static String succeed(Path directory, List<String> command) {
    Result result = run(directory, command);
    if (result.exitCode() != 0) {
      throw new AssertionError(
          String.join(" ", command) + " exited " + result.exitCode() + ":\n" + result.printed());
    }
    return result.output();
  }
}
