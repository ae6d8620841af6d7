package io.poolkeeper.kubetest;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A kube-apiserver of its own (not the run's shared one) that a test can stop and start again on
 * the same port, certificates and etcd, as when a control plane restarts: clients keep their
 * kubeconfig and find the same objects when it is back.
 *
 * <p>kube-api-test starts etcd and the API server, and stops both when either ends unexpectedly; so
 * this marks its API server process as stopped on purpose before ending it, and runs the same
 * command line again itself.
 */
public final class RestartableApiServer implements AutoCloseable {

  private final KubeAPIServer server;
  private final Object serverProcess;
  private final List<String> commandLine;
  private final Path workDir;
  private final Path kubeconfig;
  private final KubernetesClient client;
  private final Kubectl kubectl;
  private Process restarted;

  private RestartableApiServer(KubeAPIServer server) throws IOException {
    this.server = server;
    this.serverProcess = field(server, "kubeApiServerProcess");
    Process process = (Process) field(serverProcess, "apiServerProcess");
    String cmdline =
        Files.readString(
            Path.of("/proc", String.valueOf(process.pid()), "cmdline"), StandardCharsets.UTF_8);
    this.commandLine = Arrays.asList(cmdline.split("\0"));
    this.workDir = Files.createTempDirectory("poolkeeper-restartable");
    this.kubeconfig = workDir.resolve("kubeconfig");
    Files.writeString(kubeconfig, server.getKubeConfigYaml());
    this.client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(server.getKubeConfigYaml()))
            .build();
    this.kubectl = RealApiServer.kubectlFor(kubeconfig);
  }

  /** Starts etcd and an API server with the CRDs of crds/ installed. */
  public static RestartableApiServer start() throws IOException {
    KubeAPIServer server = new KubeAPIServer(RealApiServer.serverConfig());
    server.start();
    try {
      RestartableApiServer restartable = new RestartableApiServer(server);
      RealApiServer.installCrds(restartable.client);
      return restartable;
    } catch (IOException | RuntimeException e) {
      server.stop();
      throw e;
    }
  }

  public KubernetesClient client() {
    return client;
  }

  public Kubectl kubectl() {
    return kubectl;
  }

  /** Ends the API server (SIGTERM, as a restarting control plane does); etcd keeps running. */
  public synchronized void stop() throws InterruptedException {
    Process running = restarted;
    if (running == null) {
      setField(serverProcess, "stopped", true);
      running = (Process) field(serverProcess, "apiServerProcess");
    }
    running.destroy();
    if (!running.waitFor(30, TimeUnit.SECONDS)) {
      running.destroyForcibly().waitFor();
    }
    restarted = null;
  }

  /** Starts the API server again with the same command line, and waits until it answers. */
  public synchronized void restart(Duration timeout) throws IOException, InterruptedException {
    Path log = workDir.resolve("kube-apiserver.log");
    restarted =
        new ProcessBuilder(commandLine)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        client.getKubernetesVersion();
        return;
      } catch (RuntimeException notYet) {
        if (System.nanoTime() > deadline || !restarted.isAlive()) {
          throw new IllegalStateException(
              "the restarted kube-apiserver did not answer; its output is in " + log, notYet);
        }
        Thread.sleep(200);
      }
    }
  }

  @Override
  public synchronized void close() throws IOException {
    client.close();
    if (restarted != null) {
      restarted.destroyForcibly();
    }
    setField(serverProcess, "stopped", true);
    server.stop();
    try (var files = Files.walk(workDir)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static Object field(Object target, String name) {
    try {
      Field field = target.getClass().getDeclaredField(name);
      field.setAccessible(true);
      return field.get(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("kube-api-test changed: no field " + name, e);
    }
  }

  private static void setField(Object target, String name, Object value) {
    try {
      Field field = target.getClass().getDeclaredField(name);
      field.setAccessible(true);
      field.set(target, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("kube-api-test changed: no field " + name, e);
    }
  }
}
