package io.poolkeeper.operator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the operator runs in a pod: Kubernetes sets {@code KUBERNETES_SERVICE_HOST} and mounts
 * the service account, whose namespace file names the pod's namespace. Defaults that only make
 * sense in a cluster (leader election, the HTTP port) depend on it.
 *
 * @param inside whether this is a pod
 * @param namespace the pod's namespace, when known
 */
record InCluster(boolean inside, Optional<String> namespace) {

  static final int DEFAULT_HTTP_PORT = 8080;

  static final Path NAMESPACE_FILE =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  static InCluster detect() {
    boolean inside = System.getenv("KUBERNETES_SERVICE_HOST") != null;
    return new InCluster(inside, readNamespace(NAMESPACE_FILE));
  }

  static Optional<String> readNamespace(Path file) {
    if (!Files.isReadable(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file).strip()).filter(ns -> !ns.isEmpty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
