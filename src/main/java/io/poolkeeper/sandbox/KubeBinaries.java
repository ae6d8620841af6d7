package io.poolkeeper.sandbox;

import io.poolkeeper.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where kube-apiserver, etcd and kubectl are: the folders hack/kube-binaries/build.sh writes
 * (${KUBE_API_TEST_DIR:-~/.kubeapitest}/k8s/&lt;version&gt;-&lt;os&gt;-&lt;arch&gt;, the layout
 * kube-api-test reads), the newest complete one. When there is none and the sandbox runs in a
 * Poolkeeper checkout with Go installed, it builds them with that script first.
 */
record KubeBinaries(Path kubeApiServer, Path etcd, Path kubectl) {

  static final String BUILD_SCRIPT = "hack/kube-binaries/build.sh";
  private static final List<String> NAMES = List.of("kube-apiserver", "etcd", "kubectl");

  /** The binaries in {@code directory}, which the user named. */
  static KubeBinaries in(Path directory) {
    if (!complete(directory)) {
      throw new UserError(
          "--kube-binaries "
              + directory
              + " must hold executable kube-apiserver, etcd and kubectl files");
    }
    return of(directory);
  }

  /** The newest complete set already built, else one built now by hack/kube-binaries/build.sh. */
  static KubeBinaries findOrBuild(Path checkout, PrintWriter out) {
    Optional<KubeBinaries> found = newest();
    if (found.isPresent()) {
      return found.get();
    }
    Path script = checkout.resolve(BUILD_SCRIPT);
    if (!Files.isRegularFile(script)) {
      throw new UserError(
          "no kube-apiserver, etcd and kubectl under "
              + root()
              + ": run the sandbox from a Poolkeeper checkout (it builds them with "
              + BUILD_SCRIPT
              + ") or pass --kube-binaries DIR");
    }
    if (!onPath("go")) {
      throw new UserError(
          "no kube-apiserver, etcd and kubectl under "
              + root()
              + " and no Go to build them: install Go (https://go.dev/dl/) and run again, or pass"
              + " --kube-binaries DIR");
    }
    out.println(
        "Building kube-apiserver, etcd and kubectl with "
            + BUILD_SCRIPT
            + " (about 6 minutes the first time) ...");
    out.flush();
    build(checkout, script);
    return newest()
        .orElseThrow(
            () -> new UserError(BUILD_SCRIPT + " ran but left no binaries under " + root()));
  }

  private static void build(Path checkout, Path script) {
    try {
      Process build =
          new ProcessBuilder("bash", script.toString())
              .directory(checkout.toFile())
              .inheritIO()
              .start();
      if (!build.waitFor(30, TimeUnit.MINUTES)) {
        build.destroyForcibly();
        throw new UserError(BUILD_SCRIPT + " did not finish within 30 minutes");
      }
      if (build.exitValue() != 0) {
        throw new UserError(
            BUILD_SCRIPT + " failed (exit status " + build.exitValue() + "): see its output above");
      }
    } catch (IOException e) {
      throw new UserError("cannot run " + BUILD_SCRIPT + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while building the Kubernetes binaries");
    }
  }

  private static Optional<KubeBinaries> newest() {
    Path root = root();
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> folders = Files.list(root)) {
      return folders
          .filter(folder -> folder.getFileName().toString().matches("\\d+\\.\\d+\\.\\d+-.+"))
          .filter(KubeBinaries::complete)
          .max(Comparator.comparing(KubeBinaries::version))
          .map(KubeBinaries::of);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Runtime.Version version(Path folder) {
    String name = folder.getFileName().toString();
    return Runtime.Version.parse(name.substring(0, name.indexOf('-')));
  }

  static Path root() {
    String configured = System.getenv("KUBE_API_TEST_DIR");
    Path base =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of(System.getProperty("user.home"), ".kubeapitest");
    return base.resolve("k8s");
  }

  private static boolean complete(Path folder) {
    return NAMES.stream().map(folder::resolve).allMatch(Files::isExecutable);
  }

  private static KubeBinaries of(Path folder) {
    return new KubeBinaries(
        folder.resolve("kube-apiserver").toAbsolutePath(),
        folder.resolve("etcd").toAbsolutePath(),
        folder.resolve("kubectl").toAbsolutePath());
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    return Stream.of(path.split(java.io.File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .anyMatch(entry -> Files.isExecutable(Path.of(entry, command)));
  }
}
