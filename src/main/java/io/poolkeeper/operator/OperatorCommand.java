package io.poolkeeper.operator;

import com.azure.identity.DefaultAzureCredentialBuilder;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.poolkeeper.UserError;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.azure.AzureClients;
import io.poolkeeper.azure.AzureClients.RetrySettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Mono;

/**
 * {@code poolkeeper operator}: runs the operator against the cluster of the current kubeconfig (or
 * the in-cluster config) until stopped. Every option can also come from an environment variable.
 */
@Command(
    name = "operator",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the Poolkeeper operator: reconciles ManagedImage, GalleryImageVersion and BatchPool"
          + " objects with Azure.",
      "Kubernetes: KUBECONFIG, ~/.kube/config or the in-cluster service account.",
      "Azure: DefaultAzureCredential (workload identity, managed identity, environment, Azure"
          + " CLI) unless --azure-token is given."
    })
public final class OperatorCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--azure-endpoint",
      paramLabel = "URL",
      defaultValue = "${env:POOLKEEPER_AZURE_ENDPOINT:-https://management.azure.com/}",
      description =
          "Azure Resource Manager endpoint, or the emulator's URL (env POOLKEEPER_AZURE_ENDPOINT;"
              + " default: ${DEFAULT-VALUE}).")
  URI azureEndpoint;

  @Option(
      names = "--azure-ca-file",
      paramLabel = "PATH",
      defaultValue = "${env:POOLKEEPER_AZURE_CA_FILE}",
      description =
          "PEM file of a CA to trust for Azure instead of the JDK's, e.g. the emulator's (env"
              + " POOLKEEPER_AZURE_CA_FILE).")
  Path azureCaFile;

  @Option(
      names = "--azure-token",
      paramLabel = "TOKEN",
      defaultValue = "${env:POOLKEEPER_AZURE_TOKEN}",
      description =
          "A fixed bearer token, for the emulator only (env POOLKEEPER_AZURE_TOKEN). Without it"
              + " the credential is DefaultAzureCredential.")
  String azureToken;

  @Option(
      names = "--subscription",
      paramLabel = "ID",
      defaultValue = "${env:POOLKEEPER_SUBSCRIPTION}",
      description = "Subscription of objects that do not name one (env POOLKEEPER_SUBSCRIPTION).")
  String subscription;

  @Option(
      names = "--namespaces",
      paramLabel = "NS[,NS...]",
      split = ",",
      defaultValue = "${env:POOLKEEPER_NAMESPACES}",
      description = "Namespaces to watch (env POOLKEEPER_NAMESPACES; default: all).")
  List<String> namespaces;

  @Option(
      names = "--selector",
      paramLabel = "KEY=VALUE[,...]",
      defaultValue = "${env:POOLKEEPER_SELECTOR}",
      description =
          "Only objects with these labels (env POOLKEEPER_SELECTOR; default: every object).")
  String selector;

  @Option(
      names = "--locks",
      paramLabel = "true|false",
      arity = "1",
      defaultValue = "${env:POOLKEEPER_LOCKS:-true}",
      description =
          "Put an Azure CanNotDelete lock on images while they are in use (env POOLKEEPER_LOCKS;"
              + " default: ${DEFAULT-VALUE}).")
  boolean locks;

  @Option(
      names = "--time-scale",
      paramLabel = "N",
      defaultValue = "${env:POOLKEEPER_TIME_SCALE:-1}",
      description =
          "Divide every wait (polls, backoffs, timeouts) by N, to keep pace with an emulator"
              + " running --speed N (env POOLKEEPER_TIME_SCALE; default: ${DEFAULT-VALUE}).")
  double timeScale;

  @Override
  public Integer call() {
    OperatorSettings settings = settings();
    AzureClients azure = new AzureClients(azureSettings());
    Config config = Config.autoConfigure(null);
    checkCluster(config, settings);
    KubernetesClient kubernetes = new KubernetesClientBuilder().withConfig(config).build();
    LOG.info(
        "Serving Azure at {} (subscription {}), namespaces {}, selector {}, locks {}, time scale"
            + " {}",
        azureEndpoint,
        settings.defaultSubscription().orElse("named by each object"),
        settings.namespaces().isEmpty() ? "all" : String.join(",", settings.namespaces()),
        settings.labelSelector().orElse("none"),
        settings.locks() ? "on" : "off",
        settings.timeScale());
    OperatorContext context =
        OperatorContext.create(settings, Clock.systemUTC(), azure, kubernetes);
    PoolkeeperOperator operator = PoolkeeperOperator.start(kubernetes, context);
    Thread stop = new Thread(operator::close, "poolkeeper-shutdown");
    Runtime.getRuntime().addShutdownHook(stop);
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  OperatorSettings settings() {
    if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
      throw usage("--time-scale must be a positive number, was " + timeScale);
    }
    if (selector != null
        && !selector.isBlank()
        && !selector.matches("[^=,]+=[^=,]*(,[^=,]+=[^=,]*)*")) {
      throw usage("--selector must be key=value pairs separated by commas, was '" + selector + "'");
    }
    Set<String> watched = new LinkedHashSet<>();
    if (namespaces != null) {
      namespaces.stream().map(String::trim).filter(ns -> !ns.isEmpty()).forEach(watched::add);
    }
    return new OperatorSettings(
        Optional.ofNullable(subscription).filter(s -> !s.isBlank()),
        watched,
        Optional.ofNullable(selector).filter(s -> !s.isBlank()),
        locks,
        timeScale);
  }

  private AzureClients.Settings azureSettings() {
    if (!"https".equalsIgnoreCase(azureEndpoint.getScheme()) || azureEndpoint.getHost() == null) {
      throw usage(
          "--azure-endpoint must be an https URL (Azure tokens are never sent over plain http),"
              + " was '"
              + azureEndpoint
              + "'");
    }
    URI endpoint =
        azureEndpoint.toString().endsWith("/") ? azureEndpoint : URI.create(azureEndpoint + "/");
    return new AzureClients.Settings(
        endpoint,
        azureToken != null && !azureToken.isBlank()
            ? request ->
                Mono.just(
                    new com.azure.core.credential.AccessToken(
                        azureToken, OffsetDateTime.now().plusHours(1)))
            : new DefaultAzureCredentialBuilder().build(),
        Optional.ofNullable(azureCaFile).map(OperatorCommand::readCertificate),
        RetrySettings.defaults());
  }

  private static X509Certificate readCertificate(Path file) {
    if (!Files.isReadable(file)) {
      throw usage("--azure-ca-file " + file + " does not exist or cannot be read");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | CertificateException | ClassCastException e) {
      throw usage("--azure-ca-file " + file + " is not a PEM certificate: " + e.getMessage());
    }
  }

  /**
   * Fails early, in one line, when the cluster cannot be reached or lacks the CRDs. The check uses
   * a client that gives up after one quick retry; the operator's own client retries patiently.
   */
  private static void checkCluster(Config config, OperatorSettings settings) {
    String server = config.getMasterUrl();
    Config impatient = new ConfigBuilder(config).withRequestRetryBackoffLimit(1).build();
    try (KubernetesClient kubernetes =
        new KubernetesClientBuilder().withConfig(impatient).build()) {
      checkCluster(kubernetes, server, settings);
    }
  }

  private static void checkCluster(
      KubernetesClient kubernetes, String server, OperatorSettings settings) {
    try {
      kubernetes.getKubernetesVersion();
    } catch (KubernetesClientException e) {
      throw new UserError(
          "cannot reach the Kubernetes API server at "
              + server
              + " ("
              + rootMessage(e)
              + "): check KUBECONFIG or the current context");
    }
    try {
      if (settings.namespaces().isEmpty()) {
        kubernetes
            .resources(ManagedImage.class)
            .inAnyNamespace()
            .list(new ListOptionsBuilder().withLimit(1L).build());
      } else {
        for (String namespace : settings.namespaces()) {
          kubernetes
              .resources(ManagedImage.class)
              .inNamespace(namespace)
              .list(new ListOptionsBuilder().withLimit(1L).build());
        }
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        throw new UserError(
            "the Poolkeeper CRDs are not installed on "
                + server
                + ": run kubectl apply --server-side -f crds/");
      }
      throw new UserError("cannot list ManagedImages on " + server + " (" + rootMessage(e) + ")");
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static UserError usage(String message) {
    return new UserError(message);
  }
}
