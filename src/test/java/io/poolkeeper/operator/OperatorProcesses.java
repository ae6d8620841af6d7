package io.poolkeeper.operator;

import static org.awaitility.Awaitility.await;

import io.poolkeeper.api.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code java -jar target/poolkeeper.jar ...} as separate processes, as a user runs it. */
public final class OperatorProcesses {

  private static final Path JAR = ProjectFiles.root().resolve("target/poolkeeper.jar");
  private static final Map<Process, Path> OUTPUTS = new ConcurrentHashMap<>();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private OperatorProcesses() {}

  /** Starts the jar with its output going to a file, so a long run never fills a pipe. */
  public static Process start(List<String> args, Path kubeconfig) throws IOException {
    return start(List.of(), args, kubeconfig);
  }

  /** {@link #start(List, Path)} with options for the JVM, such as a container's memory limit. */
  public static Process start(List<String> jvmOptions, List<String> args, Path kubeconfig)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaTool("java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    Path output = Files.createTempFile("poolkeeper-operator", ".log");
    output.toFile().deleteOnExit();
    builder.redirectOutput(output.toFile());
    Process process = builder.start();
    OUTPUTS.put(process, output);
    return process;
  }

  /** A tool of the JDK the tests run on ({@code java}, {@code jcmd}). */
  public static Path javaTool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name);
  }

  /** What the process printed so far. */
  public static String output(Process process) {
    try {
      return Files.readString(OUTPUTS.get(process), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the process to end and returns all it printed. */
  public static String finish(Process process) {
    await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive());
    return output(process);
  }

  /** A port nobody listens on right now. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** GET http://localhost:port/path: the status and the body. */
  public static HttpResponse<String> get(int port, String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
