package io.poolkeeper.kubetest;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfig;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.poolkeeper.api.ProjectFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real kube-apiserver and etcd (fabric8 kube-api-test) for the whole test run, with the CRDs of
 * crds/ installed. Test classes get a {@link KubernetesClient} and a {@link Kubectl} as parameters.
 * The server runs the Kubernetes version pinned in hack/kube-binaries/go.mod, whose binaries
 * hack/kube-binaries/build.sh puts where kube-api-test finds them.
 */
public final class RealApiServer implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RealApiServer.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    running(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KubernetesClient.class || type == Kubectl.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Running running = running(context);
    return parameter.getParameter().getType() == KubernetesClient.class
        ? running.client()
        : running.kubectl();
  }

  private static Running running(ExtensionContext context) {
    // The root store outlives every test class and closes (AutoCloseable) the server when the
    // run ends.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
  }

  /** kubectl of the pinned version, against the API server of {@code kubeconfig}. */
  static Kubectl kubectlFor(Path kubeconfig) throws IOException {
    return new Kubectl(binaryDirectory(serverConfig()).resolve("kubectl"), kubeconfig);
  }

  /** The Kubernetes version the binaries are built for: the one pinned in go.mod. */
  public static String kubernetesVersion() {
    Path goMod = ProjectFiles.root().resolve("hack/kube-binaries/go.mod");
    try {
      Matcher matcher =
          Pattern.compile(
                  "(?m)^\\s*(?:require\\s+)?k8s\\.io/kubernetes\\s+v(\\d+\\.\\d+\\.\\d+)\\b")
              .matcher(Files.readString(goMod));
      if (!matcher.find()) {
        throw new IllegalStateException("no k8s.io/kubernetes requirement in " + goMod);
      }
      return matcher.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Running(
      KubeAPIServer server, KubernetesClient client, Kubectl kubectl, Path workDir)
      implements AutoCloseable {

    static Running start() {
      KubeAPIServerConfig config = serverConfig();
      KubeAPIServer server = new KubeAPIServer(config);
      server.start();
      try {
        Path workDir = Files.createTempDirectory("poolkeeper-it");
        Path kubeconfig = workDir.resolve("kubeconfig");
        Files.writeString(kubeconfig, server.getKubeConfigYaml());
        KubernetesClient client =
            new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(server.getKubeConfigYaml()))
                .build();
        installCrds(client);
        Path kubectlBinary = binaryDirectory(config).resolve("kubectl");
        return new Running(server, client, new Kubectl(kubectlBinary, kubeconfig), workDir);
      } catch (IOException | RuntimeException e) {
        server.stop();
        throw new IllegalStateException("could not prepare the test API server: " + e, e);
      }
    }

    @Override
    public void close() throws IOException {
      client.close();
      server.stop();
      try (var files = Files.walk(workDir)) {
        for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /**
   * Pins the version built by hack/kube-binaries/build.sh when its binaries are there. Without them
   * (a machine with internet access and no Go) kube-api-test downloads its latest release.
   */
  static KubeAPIServerConfig serverConfig() {
    KubeAPIServerConfig defaults = KubeAPIServerConfigBuilder.anAPIServerConfig().build();
    String pinned = kubernetesVersion();
    if (Files.isDirectory(binariesRoot(defaults).resolve(pinned + PLATFORM_SUFFIX))) {
      return KubeAPIServerConfigBuilder.anAPIServerConfig().withApiServerVersion(pinned).build();
    }
    return defaults;
  }

  private static final String PLATFORM_SUFFIX = "-linux-amd64";

  private static Path binariesRoot(KubeAPIServerConfig config) {
    return Path.of(config.getKubeAPITestDir(), "k8s");
  }

  /** The folder kube-api-test started from: the pinned version, else the newest present. */
  private static Path binaryDirectory(KubeAPIServerConfig config) throws IOException {
    if (config.getApiServerVersion().isPresent()) {
      return binariesRoot(config).resolve(config.getApiServerVersion().get() + PLATFORM_SUFFIX);
    }
    try (var folders = Files.list(binariesRoot(config))) {
      return folders
          .filter(f -> f.getFileName().toString().matches("\\d+\\.\\d+\\.\\d+" + PLATFORM_SUFFIX))
          .max(
              java.util.Comparator.comparing(
                  f ->
                      Runtime.Version.parse(
                          f.getFileName().toString().replace(PLATFORM_SUFFIX, ""))))
          .orElseThrow(
              () -> new IllegalStateException("no binaries under " + binariesRoot(config)));
    }
  }

  /**
   * Installs every CRD of crds/ with server-side apply and waits until the API server serves it. A
   * CRD it refuses (not structural, a CEL rule that does not compile or costs too much) stops the
   * run here with the server's reason.
   */
  public static void installCrds(KubernetesClient client) {
    List<Path> files = ProjectFiles.yamlFiles(ProjectFiles.committedCrds());
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        CustomResourceDefinition crd = client.getKubernetesSerialization().unmarshal(in);
        client.resource(crd).fieldManager("poolkeeper-tests").forceConflicts().serverSideApply();
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName(crd.getMetadata().getName())
            .waitUntilCondition(RealApiServer::established, 60, TimeUnit.SECONDS);
      } catch (KubernetesClientException e) {
        throw new IllegalStateException(
            "the API server refused " + file.getFileName() + ": " + e.getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
