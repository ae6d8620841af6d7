package io.poolkeeper;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.api.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The runnable jar that `mvn package` builds, as a user runs it. */
class PackagedJarIT {

  static final Path JAR = ProjectFiles.root().resolve("target/poolkeeper.jar");

  @Test
  void jarHasOneHttpStackAndNoNetty() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> netty =
          jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("io/netty/")).toList();
      assertThat(netty).isEmpty();
      assertThat(jar.getEntry("com/azure/core/http/jdk/httpclient/JdkHttpClient.class"))
          .isNotNull();
      assertThat(jar.getEntry("io/fabric8/kubernetes/client/jdkhttp/JdkHttpClientImpl.class"))
          .isNotNull();
      assertThat(jar.getEntry("okhttp3/OkHttpClient.class")).isNull();
    }
  }

  @Test
  void versionPrintsTheProjectVersion() throws Exception {
    assertThat(runJar("--version")).startsWith("poolkeeper ");
  }

  static String runJar(String... args) throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
