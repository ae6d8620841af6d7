package io.poolkeeper.operator;

import com.azure.identity.DefaultAzureCredentialBuilder;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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

  /**
   * Set when the process is asked to stop: losing the lead is then expected, not a reason to exit.
   */
  private final AtomicBoolean stopping = new AtomicBoolean();

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

  @Option(
      names = "--leader-election",
      paramLabel = "true|false",
      arity = "1",
      defaultValue = "${env:POOLKEEPER_LEADER_ELECTION}",
      description =
          "Reconcile only while holding a coordination.k8s.io Lease, so that replicas can stand"
              + " by (env POOLKEEPER_LEADER_ELECTION; default: true in a cluster, false"
              + " elsewhere).")
  Boolean leaderElection;

  @Option(
      names = "--lease-name",
      paramLabel = "NAME",
      defaultValue = "${env:POOLKEEPER_LEASE_NAME:-poolkeeper-operator}",
      description =
          "Name of the election's Lease (env POOLKEEPER_LEASE_NAME; default: ${DEFAULT-VALUE}).")
  String leaseName;

  @Option(
      names = "--lease-namespace",
      paramLabel = "NS",
      defaultValue = "${env:POOLKEEPER_LEASE_NAMESPACE}",
      description =
          "Namespace of the election's Lease (env POOLKEEPER_LEASE_NAMESPACE; default: the pod's"
              + " own namespace, from its service account).")
  String leaseNamespace;

  @Option(
      names = "--leader-identity",
      paramLabel = "ID",
      defaultValue = "${env:POOLKEEPER_LEADER_IDENTITY}",
      description =
          "This replica's name in the Lease (env POOLKEEPER_LEADER_IDENTITY; default: the host"
              + " (pod) name and a random suffix).")
  String leaderIdentity;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      defaultValue = "${env:POOLKEEPER_HTTP_PORT}",
      description =
          "Port of /healthz, /readyz and /metrics; 0 turns them off (env POOLKEEPER_HTTP_PORT;"
              + " default: "
              + InCluster.DEFAULT_HTTP_PORT
              + " in a cluster, 0 elsewhere).")
  Integer httpPort;

  @Option(
      names = "--log-format",
      paramLabel = "text|json",
      defaultValue = "${env:POOLKEEPER_LOG_FORMAT:-text}",
      description =
          "text: lines for people; json: one JSON object per line (env POOLKEEPER_LOG_FORMAT;"
              + " default: ${DEFAULT-VALUE}).")
  String logFormat;

  @Override
  public Integer call() {
    OperatorSettings settings = settings();
    logFormat().apply();
    InCluster cluster = InCluster.detect();
    Optional<LeaderElectionConfiguration> election = election(cluster);
    int port = httpPort(cluster);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    OperatorMetrics metrics = new OperatorMetrics(registry);
    AtomicReference<PoolkeeperOperator> running = new AtomicReference<>();
    OperatorHttpServer http =
        port == 0
            ? null
            : OperatorHttpServer.start(
                port,
                registry,
                () -> running.get() == null || running.get().informersHealthy(),
                () ->
                    running.get() != null
                        && running.get().started()
                        && running.get().informersHealthy());
    AzureClients azure = new AzureClients(azureSettings(), registry);
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
    election.ifPresentOrElse(
        lease ->
            LOG.info(
                "Leader election on Lease {}/{} as {}: reconciling only while leading",
                lease.getLeaseNamespace().orElseThrow(),
                lease.getLeaseName(),
                lease.getIdentity().orElseThrow()),
        () -> LOG.info("Leader election off: reconciling now"));
    if (http != null) {
      LOG.info("Serving /healthz, /readyz and /metrics on port {}", http.port());
    }
    OperatorContext context =
        OperatorContext.create(settings, Clock.systemUTC(), azure, kubernetes, metrics);
    PoolkeeperOperator operator = PoolkeeperOperator.start(kubernetes, context, election);
    running.set(operator);
    Thread stop =
        new Thread(
            () -> {
              stopping.set(true);
              operator.close();
              if (http != null) {
                http.close();
              }
            },
            "poolkeeper-shutdown");
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

  private LogFormat logFormat() {
    try {
      return LogFormat.valueOf(logFormat.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw usage("--log-format must be text or json, was '" + logFormat + "'");
    }
  }

  int httpPort(InCluster cluster) {
    int port = httpPort != null ? httpPort : cluster.inside() ? InCluster.DEFAULT_HTTP_PORT : 0;
    if (port < 0 || port > 65535) {
      throw usage("--http-port must be 0 (off) or a port number, was " + port);
    }
    return port;
  }

  /**
   * The election to take part in, if any. The identity must differ between replicas: JOSDK's
   * default, the HOSTNAME variable, is the same for two processes on one machine, and each would
   * take the other's renewals for its own.
   */
  Optional<LeaderElectionConfiguration> election(InCluster cluster) {
    boolean elect = leaderElection != null ? leaderElection : cluster.inside();
    if (!elect) {
      return Optional.empty();
    }
    String namespace =
        Optional.ofNullable(leaseNamespace)
            .filter(ns -> !ns.isBlank())
            .or(cluster::namespace)
            .orElseThrow(
                () ->
                    usage(
                        "leader election needs --lease-namespace outside a cluster (no service"
                            + " account namespace file at "
                            + InCluster.NAMESPACE_FILE
                            + ")"));
    if (leaseName == null || leaseName.isBlank()) {
      throw usage("--lease-name must not be empty");
    }
    String identity =
        leaderIdentity != null && !leaderIdentity.isBlank()
            ? leaderIdentity
            : Optional.ofNullable(System.getenv("HOSTNAME"))
                    .filter(h -> !h.isBlank())
                    .orElse("poolkeeper")
                + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    return Optional.of(
        new LeaderElectionConfiguration(
            leaseName.trim(),
            namespace.trim(),
            LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
            LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
            LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
            identity,
            new LeaderCallbacks(
                () -> LOG.info("Leading as {}: reconciling", identity),
                () -> {
                  if (!stopping.get()) {
                    LOG.warn(
                        "Lost the lead as {}: exiting so that only the leader writes", identity);
                    System.exit(1);
                  }
                },
                leader -> {
                  if (!leader.equals(identity)) {
                    LOG.info("Standing by: {} leads", leader);
                  }
                }),
            // Not JOSDK's exit: it also fires when this process stops on SIGTERM, and System.exit
            // from inside a shutdown blocks that thread for ever.
            false));
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
