package io.poolkeeper.sandbox;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.poolkeeper.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A one-node control plane of its own: etcd and kube-apiserver as child processes on free ports of
 * 127.0.0.1, with throw-away certificates, and a kubeconfig for the admin client. Nothing else runs
 * (no scheduler, no controller manager): the sandbox needs only the API.
 */
final class LocalCluster implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final Path directory;
  private final List<Process> processes = new ArrayList<>();
  private final Path kubeconfig;
  private final int apiServerPort;

  private LocalCluster(Path directory, int apiServerPort) {
    this.directory = directory;
    this.apiServerPort = apiServerPort;
    this.kubeconfig = directory.resolve("kubeconfig");
  }

  /**
   * Starts etcd and kube-apiserver under {@code directory} and waits until the API server answers.
   * {@code apiServerPort} 0 picks a free port.
   */
  static LocalCluster start(KubeBinaries binaries, Path directory, int apiServerPort) {
    int port = apiServerPort == 0 ? Ports.free() : Ports.requireFree(apiServerPort, "--kube-port");
    LocalCluster cluster = new LocalCluster(directory, port);
    try {
      cluster.launch(binaries);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void launch(KubeBinaries binaries) {
    try {
      Path certificates = Files.createDirectories(directory.resolve("pki"));
      ClusterCertificates pki = ClusterCertificates.generate(certificates);
      int etcdPort = Ports.free();
      int peerPort = Ports.free();
      String etcdUrl = "http://127.0.0.1:" + etcdPort;
      String peerUrl = "http://127.0.0.1:" + peerPort;
      Path etcdLog = directory.resolve("etcd.log");
      Process etcd =
          spawn(
              List.of(
                  binaries.etcd().toString(),
                  "--data-dir",
                  directory.resolve("etcd").toString(),
                  "--listen-client-urls",
                  etcdUrl,
                  "--advertise-client-urls",
                  etcdUrl,
                  "--listen-peer-urls",
                  peerUrl,
                  "--initial-advertise-peer-urls",
                  peerUrl,
                  "--initial-cluster",
                  "default=" + peerUrl,
                  // A sandbox is thrown away: skipping fsync makes etcd fast on slow disks.
                  "--unsafe-no-fsync"),
              etcdLog);
      Path apiServerLog = directory.resolve("kube-apiserver.log");
      Process apiServer =
          spawn(
              List.of(
                  binaries.kubeApiServer().toString(),
                  "--bind-address",
                  "127.0.0.1",
                  "--advertise-address",
                  "127.0.0.1",
                  // Only for in-cluster clients, which a sandbox has none of; it refuses loopback.
                  "--endpoint-reconciler-type",
                  "none",
                  "--secure-port",
                  String.valueOf(apiServerPort),
                  "--cert-dir",
                  certificates.toString(),
                  "--tls-cert-file",
                  pki.servingCertificate.toString(),
                  "--tls-private-key-file",
                  pki.servingKey.toString(),
                  "--client-ca-file",
                  pki.caCertificate.toString(),
                  "--etcd-servers",
                  etcdUrl,
                  "--service-account-issuer",
                  "https://kubernetes.default.svc.cluster.local",
                  "--service-account-key-file",
                  pki.serviceAccountPublicKey.toString(),
                  "--service-account-signing-key-file",
                  pki.serviceAccountPrivateKey.toString(),
                  "--service-cluster-ip-range",
                  "10.0.0.0/24",
                  "--authorization-mode",
                  "RBAC",
                  "--disable-admission-plugins",
                  "ServiceAccount",
                  "--allow-privileged"),
              apiServerLog);
      Files.writeString(kubeconfig, kubeconfigYaml(pki), StandardCharsets.UTF_8);
      awaitReady(etcd, etcdLog, apiServer, apiServerLog);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Process spawn(List<String> command, Path log) throws IOException {
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    processes.add(process);
    return process;
  }

  private void awaitReady(Process etcd, Path etcdLog, Process apiServer, Path apiServerLog) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    try (KubernetesClient client = client()) {
      while (true) {
        checkAlive(etcd, "etcd", etcdLog);
        checkAlive(apiServer, "kube-apiserver", apiServerLog);
        try {
          String ready = client.raw("/readyz");
          if ("ok".equals(ready == null ? null : ready.strip())) {
            return;
          }
        } catch (RuntimeException notYet) {
          // Still starting: connection refused or 500 until its post-start hooks are done.
        }
        if (Instant.now().isAfter(deadline)) {
          throw new UserError(
              "kube-apiserver did not become ready within "
                  + START_TIMEOUT.toSeconds()
                  + " s; its last words: "
                  + lastLine(apiServerLog));
        }
        Thread.sleep(250);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while starting kube-apiserver");
    }
  }

  private static void checkAlive(Process process, String name, Path log) {
    if (!process.isAlive()) {
      throw new UserError(
          name + " stopped at start (exit status " + process.exitValue() + "): " + lastLine(log));
    }
  }

  /** The last line of a log that says why a process ended. */
  private static String lastLine(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          return lines.get(i).strip();
        }
      }
      return "no output";
    } catch (IOException e) {
      return "no log (" + e.getMessage() + ")";
    }
  }

  private String kubeconfigYaml(ClusterCertificates pki) throws IOException {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: poolkeeper-sandbox
          cluster:
            server: %s
            certificate-authority-data: %s
        users:
        - name: poolkeeper-sandbox
          user:
            client-certificate-data: %s
            client-key-data: %s
        contexts:
        - name: poolkeeper-sandbox
          context:
            cluster: poolkeeper-sandbox
            user: poolkeeper-sandbox
            namespace: render
        current-context: poolkeeper-sandbox
        """
        .formatted(
            serverUrl(),
            base64(pki.caCertificate),
            base64(pki.clientCertificate),
            base64(pki.clientKey));
  }

  private static String base64(Path file) throws IOException {
    return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
  }

  String serverUrl() {
    return "https://127.0.0.1:" + apiServerPort;
  }

  Path kubeconfig() {
    return kubeconfig;
  }

  /** A new admin client; the caller closes it. */
  KubernetesClient client() {
    try {
      return new KubernetesClientBuilder()
          .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig, StandardCharsets.UTF_8)))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The processes this cluster started, for checks that none outlives it. */
  List<ProcessHandle> processHandles() {
    return processes.stream().map(Process::toHandle).toList();
  }

  /** Stops kube-apiserver, then etcd: SIGTERM, and SIGKILL for one that does not stop in time. */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process process = processes.get(i);
      process.destroy();
      try {
        if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
  }
}
