package io.poolkeeper.reliability;

import static io.poolkeeper.operator.OperatorHarness.ACCOUNT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.Condition;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.api.ProjectFiles;
import io.poolkeeper.emulator.AzureEmulator;
import io.poolkeeper.emulator.EmulatorClient;
import io.poolkeeper.emulator.EmulatorOptions;
import io.poolkeeper.emulator.TestWorld;
import io.poolkeeper.kubetest.Kubectl;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.OperatorHarness;
import io.poolkeeper.operator.OperatorProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Campaign 6 of issue 14: TLS is verified everywhere outside {@code --azure-ca-file}'s explicit CA,
 * and no Secret value or Azure token appears in the operator's logs, in Events or in the objects'
 * status. Each attack runs the packaged operator ({@code java -jar}) as a user would:
 *
 * <ol>
 *   <li>against the emulator's self-made certificate with only the JDK's trust store;
 *   <li>against it with {@code --azure-ca-file} naming another CA;
 *   <li>against the API server with a kubeconfig whose certificate-authority-data is another CA;
 *   <li>the product's sources and manifests are searched for anything that turns verification off;
 *   <li>with Secrets in use (an Azure Files key and VM extension protected settings), rotated and
 *       broken, under text and JSON logs and a random token; then every log line, Event, object and
 *       Azure answer is searched for the values.
 * </ol>
 */
final class SecurityCampaign {

  private static final String CAMPAIGN = "6. Security";

  private static final String POOL = "render-prod";
  private static final String MISSING_KEY_POOL = "render-missing-key";
  private static final String NOT_JSON_POOL = "render-not-json";

  /**
   * What turns TLS verification off in fabric8 (trustCerts and its environment variable), in
   * kubeconfigs and Helm values (insecure-skip-tls-verify), in the JDK HTTP client (its
   * hostname-verification switch) or in hand-made trust managers.
   */
  private static final List<String> INSECURE_TLS_MARKERS =
      List.of(
          "trustCerts",
          "TrustCerts",
          "TRUST_CERTIFICATES",
          "insecure-skip-tls-verify",
          "insecureSkipTlsVerify",
          "disableHostnameVerification",
          "HostnameVerifier",
          "X509TrustManager",
          "X509ExtendedTrustManager",
          "InsecureTrustManager",
          "TrustAll");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final KubernetesClient client;
  private final Kubectl kubectl;
  private final List<String> lost = new ArrayList<>();
  private final List<String> figures = new ArrayList<>();
  private int runs;
  private int checks;
  private int held;

  SecurityCampaign(KubernetesClient client, Kubectl kubectl, ReliabilityPlan plan) {
    this.client = client;
    this.kubectl = kubectl;
    // Every plan runs the same attacks: none of them gains from repetition.
    Objects.requireNonNull(plan);
  }

  CampaignResult run() throws Exception {
    check(
        "untrusted Azure certificate (JDK trust store)",
        () -> untrustedAzure("security-jdk", command -> withoutOption(command, "--azure-ca-file")));
    try (AzureEmulator stranger = AzureEmulator.start(EmulatorOptions.builder().port(0).build())) {
      Path otherCa = stranger.caCertificateFile();
      check(
          "untrusted Azure certificate (--azure-ca-file of another CA)",
          () ->
              untrustedAzure(
                  "security-ca",
                  command -> withOption(command, "--azure-ca-file", otherCa.toString())));
    }
    check("untrusted Kubernetes API server certificate", this::untrustedKubernetes);
    check("no switch that turns TLS verification off", this::noInsecureTlsSwitch);
    check("no Secret value or token in logs, Events, status or Azure's answers", this::secrets);
    return new CampaignResult(
        CAMPAIGN, runs, checks, held, checks, lost, String.join("; ", figures));
  }

  /** A failed check of this campaign: where and what, in words. */
  private static final class Breach extends Exception {
    private static final long serialVersionUID = 1L;

    Breach(String message) {
      super(message);
    }
  }

  private interface Check {
    void run() throws Exception;
  }

  private void check(String name, Check attack) {
    checks++;
    try {
      attack.run();
      held++;
    } catch (Breach breach) {
      lost.add(name + ": " + breach.getMessage());
      figures.add(name + ": NOT held");
    } catch (Exception | AssertionError e) {
      lost.add(name + ": the check itself failed: " + e);
      figures.add(name + ": NOT held");
    }
  }

  // 1 and 2: Azure's certificate.

  /**
   * Starts the operator with {@code changed} Azure options and an image to make, then requires that
   * no request got through TLS and that the user is told about the certificate.
   */
  private void untrustedAzure(String prefix, UnaryOperator<List<String>> changed) throws Exception {
    try (OperatorHarness world = OperatorHarness.withoutOperator(client, kubectl, prefix)) {
      Process operator =
          OperatorProcesses.start(changed.apply(world.operatorCommand()), kubectl.kubeconfig());
      runs++;
      try {
        world.apply(world.example("render-chain.yaml", "ManagedImage"));
        String name = "render-base-2026-11";
        Optional<String> told =
            within(
                    world,
                    () -> certificateNotice(world, name, operator),
                    notice -> notice.isPresent() || !operator.isAlive())
                .flatMap(notice -> notice);
        String output = OperatorProcesses.output(operator);
        if (!world.admin().writes().isEmpty()) {
          throw new Breach(
              "Azure accepted " + world.admin().writes().size() + " writes over untrusted TLS");
        }
        if (!world.admin().requestCounts().isEmpty()) {
          throw new Breach("requests got through TLS to Azure: " + world.admin().requestCounts());
        }
        if (output.contains("\tat ")) {
          throw new Breach("the operator printed a stack trace:\n" + firstLines(output, 12));
        }
        String message =
            told.orElseThrow(
                () ->
                    new Breach(
                        "no Stalled condition and no Event names the certificate; conditions: "
                            + conditions(world.get(ManagedImage.class, name))
                            + "; output: "
                            + firstLines(output, 5)));
        System.out.printf("security campaign: %s refused: %s%n", prefix, message);
        figures.add(
            "%s: refused, Stalled %s"
                .formatted(
                    prefix.equals("security-jdk")
                        ? "Azure certificate not in the JDK's trust store"
                        : "Azure certificate of another CA than --azure-ca-file",
                    "AzureCertificateUntrusted"));
      } finally {
        stop(operator);
      }
    }
  }

  /**
   * What the user is told about the refused certificate: the message of a Stalled condition and a
   * Warning Event that say it is the certificate and what to pass, or of the one line a process
   * that gave up printed.
   */
  private static Optional<String> certificateNotice(
      OperatorHarness world, String name, Process operator) {
    if (!operator.isAlive()) {
      String output = OperatorProcesses.output(operator).strip();
      return operator.exitValue() != 0 && !output.contains("\n") && namesCertificate(output)
          ? Optional.of(output)
          : Optional.empty();
    }
    ManagedImage image = world.get(ManagedImage.class, name);
    Condition stalled = image == null ? null : OperatorHarness.condition(image, Conditions.STALLED);
    if (stalled == null
        || !"True".equals(stalled.getStatus())
        || !namesCertificate(stalled.getMessage())
        || !stalled.getMessage().contains("--azure-ca-file")) {
      return Optional.empty();
    }
    boolean evented =
        world.events(name).stream()
            .anyMatch(
                event -> "Warning".equals(event.getType()) && namesCertificate(event.getMessage()));
    return evented ? Optional.of(stalled.getMessage()) : Optional.empty();
  }

  private static boolean namesCertificate(String text) {
    return text != null && text.toLowerCase(Locale.ROOT).contains("certificate");
  }

  // 3: the API server's certificate.

  private void untrustedKubernetes() throws Exception {
    Path kubeconfig = Files.createTempFile("poolkeeper-other-ca", ".kubeconfig");
    try (AzureEmulator stranger = AzureEmulator.start(EmulatorOptions.builder().port(0).build())) {
      Files.writeString(kubeconfig, trustingOnly(stranger.caCertificateFile()));
      Process operator =
          OperatorProcesses.start(
              List.of(
                  "operator",
                  "--azure-token",
                  "emulator-token",
                  "--subscription",
                  OperatorHarness.SUBSCRIPTION),
              kubeconfig);
      runs++;
      String output = OperatorProcesses.finish(operator).strip();
      if (operator.exitValue() == 0) {
        throw new Breach("the operator ran on an untrusted API server: " + firstLines(output, 5));
      }
      if (output.contains("\n") || output.contains("\tat ")) {
        throw new Breach("more than one line:\n" + firstLines(output, 12));
      }
      if (!output.contains("cannot reach the Kubernetes API server")
          || !output.toLowerCase(Locale.ROOT).contains("certificat")) {
        throw new Breach("the line does not say the certificate was refused: " + output);
      }
      System.out.printf("security campaign: untrusted API server: %s%n", output.strip());
      figures.add(
          "API server certificate of another CA: refused, exit %d with one line"
              .formatted(operator.exitValue()));
    } finally {
      Files.deleteIfExists(kubeconfig);
    }
  }

  /** The test API server's kubeconfig with the CA replaced by the one in {@code caFile}. */
  private String trustingOnly(Path caFile) throws IOException {
    ObjectNode config =
        (ObjectNode) ProjectFiles.YAML.readTree(Files.readString(kubectl.kubeconfig()));
    String otherCa = Base64.getEncoder().encodeToString(Files.readAllBytes(caFile));
    for (JsonNode cluster : config.path("clusters")) {
      ObjectNode settings = (ObjectNode) cluster.get("cluster");
      settings.remove(List.of("certificate-authority", "insecure-skip-tls-verify"));
      settings.put("certificate-authority-data", otherCa);
    }
    return ProjectFiles.YAML.writeValueAsString(config);
  }

  // 4: the sources.

  private void noInsecureTlsSwitch() throws Breach {
    List<Path> roots = Stream.of("src/main", "deploy").map(ProjectFiles.root()::resolve).toList();
    List<String> hits = new ArrayList<>();
    int files = 0;
    for (Path root : roots) {
      List<Path> all;
      try (Stream<Path> walk = Files.walk(root)) {
        all = walk.filter(Files::isRegularFile).toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (Path file : all) {
        files++;
        String text;
        try {
          text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
          // Binary files (none hold a setting) are not text.
          continue;
        }
        for (String marker : INSECURE_TLS_MARKERS) {
          if (text.contains(marker)) {
            hits.add(ProjectFiles.root().relativize(file) + " contains " + marker);
          }
        }
      }
    }
    if (!hits.isEmpty()) {
      throw new Breach(String.join(", ", hits));
    }
    figures.add("insecure TLS switches in src/main and deploy/: none in %d files".formatted(files));
  }

  // 5: Secrets.

  private void secrets() throws Exception {
    Map<String, String> values = new LinkedHashMap<>();
    String firstKey = random("files-key-");
    String secondKey = random("files-key-");
    String thirdKey = random("files-key-");
    String firstMonitor = random("monitor-key-");
    String secondMonitor = random("monitor-key-");
    String firstToken = random("azure-token-");
    String secondToken = random("azure-token-");
    for (String value :
        List.of(
            firstKey, secondKey, thirdKey, firstMonitor, secondMonitor, firstToken, secondToken)) {
      values.put(value, value);
      values.put(
          Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)),
          value + " (base64)");
    }
    Map<String, String> scanned = new LinkedHashMap<>();
    try (OperatorHarness world =
        OperatorHarness.withoutOperator(client, kubectl, "security-secrets")) {
      world.seedSharedTrustedLaunchImage();
      String poolId = ACCOUNT.pool(POOL).resourceId();

      // The text run: the pool made with the first values, the Files key rotated, two broken pools.
      world.secret("render-files", "accountKey", firstKey);
      world.secret("render-monitor", "protected", monitorSettings(firstMonitor));
      Process text =
          OperatorProcesses.start(
              withOption(
                  world.operatorCommand("--log-format", "text"), "--azure-token", firstToken),
              kubectl.kubeconfig());
      runs++;
      try {
        world.apply(pool(world, POOL, "accountKey", "render-monitor", "protected"));
        world.apply(pool(world, MISSING_KEY_POOL, "sasKey", "render-monitor", "protected"));
        world.apply(pool(world, NOT_JSON_POOL, "accountKey", "render-files", "accountKey"));
        world.untilCondition(BatchPool.class, POOL, Conditions.READY, "True");
        stalledFor(world, MISSING_KEY_POOL, "SecretMissing");
        stalledFor(world, NOT_JSON_POOL, "SecretInvalid");
        reachedAzure(world, poolId, firstKey, firstMonitor);
        String rotated = world.secret("render-files", "accountKey", secondKey);
        appliedVersion(world, "render-files", rotated);
        reachedAzure(world, poolId, secondKey, firstMonitor);
      } finally {
        stop(text);
      }
      scanned.put("the operator's text log", OperatorProcesses.output(text));

      // The JSON run: both Secrets rotated while it starts; the broken pools fail again.
      Process json =
          OperatorProcesses.start(
              withOption(
                  world.operatorCommand("--log-format", "json"), "--azure-token", secondToken),
              kubectl.kubeconfig());
      runs++;
      try {
        String files = world.secret("render-files", "accountKey", thirdKey);
        String monitor =
            world.secret("render-monitor", "protected", monitorSettings(secondMonitor));
        appliedVersion(world, "render-files", files);
        appliedVersion(world, "render-monitor", monitor);
        reachedAzure(world, poolId, thirdKey, secondMonitor);
        world.until(
            () -> OperatorProcesses.output(json),
            output -> output.contains(MISSING_KEY_POOL) && output.contains(NOT_JSON_POOL));
      } finally {
        stop(json);
      }
      scanned.put("the operator's JSON log", OperatorProcesses.output(json));

      List<Event> events = client.v1().events().inNamespace(world.namespace).list().getItems();
      for (Event event : events) {
        scanned.put(
            "Event " + event.getReason() + " on " + event.getInvolvedObject().getName(),
            Serialization.asYaml(event));
      }
      List<HasMetadata> objects = new ArrayList<>();
      objects.addAll(
          client.resources(BatchPool.class).inNamespace(world.namespace).list().getItems());
      objects.addAll(
          client.resources(ManagedImage.class).inNamespace(world.namespace).list().getItems());
      objects.addAll(
          client
              .resources(GalleryImageVersion.class)
              .inNamespace(world.namespace)
              .list()
              .getItems());
      for (HasMetadata object : objects) {
        scanned.put(
            object.getKind() + " " + object.getMetadata().getName(), Serialization.asYaml(object));
      }
      scanned.put(
          "kubectl get batchpools -o yaml",
          kubectl.succeed("get", "batchpools", "-n", world.namespace, "-o", "yaml"));
      EmulatorClient azure = new EmulatorClient(world.emulator);
      scanned.put(
          "Azure's answer to GET " + POOL,
          azure.get(poolId + TestWorld.BATCH_API).body().toString());
      scanned.put(
          "Azure's answer to listing the pools",
          azure.get(ACCOUNT.resourceId() + "/pools" + TestWorld.BATCH_API).body().toString());

      // The scan can fail: what Azure received holds the values it looks for.
      String received = world.admin().receivedPoolProperties(poolId).orElseThrow().toString();
      if (hits(received, values).size() < 2) {
        throw new Breach("the scan does not find the values in what Azure received");
      }

      List<String> found = new ArrayList<>();
      scanned.forEach(
          (where, content) ->
              hits(content, values).forEach(value -> found.add(value + " in " + where)));
      long logLines =
          Stream.of("the operator's text log", "the operator's JSON log")
              .mapToLong(where -> scanned.get(where).lines().count())
              .sum();
      figures.add(
          ("secret scan: %d log lines (text and JSON), %d events, %d objects, 2 Azure answers,"
                  + " %d values, %d hits")
              .formatted(logLines, events.size(), objects.size(), values.size(), found.size()));
      if (!found.isEmpty()) {
        throw new Breach(String.join("; ", found));
      }
    }
  }

  /** The labels of the values found in {@code text}. */
  private static List<String> hits(String text, Map<String, String> values) {
    return values.entrySet().stream()
        .filter(value -> text.contains(value.getKey()))
        .map(Map.Entry::getValue)
        .toList();
  }

  /**
   * The example's production pool under {@code name}, with its Azure Files key read from
   * render-files' {@code filesKey} and a VM extension whose protected settings come from {@code
   * protectedSecret}'s {@code protectedKey}.
   */
  private static ObjectNode pool(
      OperatorHarness world,
      String name,
      String filesKey,
      String protectedSecret,
      String protectedKey) {
    ObjectNode pool = world.example("production-pool.yaml", "BatchPool");
    ((ObjectNode) pool.get("metadata")).put("name", name);
    ObjectNode spec = (ObjectNode) pool.get("spec");
    for (JsonNode mount : spec.path("mountConfiguration")) {
      if (mount.has("azureFileShareConfiguration")) {
        ((ObjectNode) mount.at("/azureFileShareConfiguration/accountKey/secretKeyRef"))
            .put("key", filesKey);
      }
    }
    ObjectNode extension = spec.putArray("extensions").addObject();
    extension
        .put("name", "monitor")
        .put("publisher", "Microsoft.Azure.Monitor")
        .put("type", "AzureMonitorLinuxAgent")
        .put("typeHandlerVersion", "1.0")
        .putObject("protectedSettings")
        .putObject("secretKeyRef")
        .put("name", protectedSecret)
        .put("key", protectedKey);
    return pool;
  }

  private static String monitorSettings(String key) {
    return "{\"workspaceKey\": \"" + key + "\"}";
  }

  private static void stalledFor(OperatorHarness world, String name, String reason) throws Breach {
    BatchPool pool = world.untilCondition(BatchPool.class, name, Conditions.STALLED, "True");
    String actual = OperatorHarness.condition(pool, Conditions.STALLED).getReason();
    if (!reason.equals(actual)) {
      throw new Breach(name + " is Stalled for " + actual + ", not " + reason);
    }
  }

  private static void appliedVersion(OperatorHarness world, String secret, String version) {
    world.until(
        () -> world.get(BatchPool.class, POOL),
        pool ->
            pool.getStatus() != null
                && version.equals(pool.getStatus().getAppliedSecretVersions().get(secret)));
  }

  private static void reachedAzure(OperatorHarness world, String poolId, String... values)
      throws Breach {
    String received =
        world.admin().receivedPoolProperties(poolId).map(JsonNode::toString).orElse("");
    for (String value : values) {
      if (!received.contains(value)) {
        throw new Breach("the pool Azure holds lacks a Secret value the operator should send");
      }
    }
  }

  // Helpers.

  /** What {@code probe} gave once {@code done}, or empty when that did not happen in time. */
  private static <T> Optional<T> within(
      OperatorHarness world, Supplier<T> probe, Predicate<T> done) {
    try {
      return Optional.of(world.until(probe, done));
    } catch (ConditionTimeoutException e) {
      return Optional.empty();
    }
  }

  private static List<String> withoutOption(List<String> command, String option) {
    List<String> changed = new ArrayList<>(command);
    int at = changed.indexOf(option);
    if (at >= 0) {
      changed.subList(at, at + 2).clear();
    }
    return changed;
  }

  private static List<String> withOption(List<String> command, String option, String value) {
    List<String> changed = withoutOption(command, option);
    changed.addAll(List.of(option, value));
    return changed;
  }

  private static String random(String prefix) {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return prefix + HexFormat.of().formatHex(bytes);
  }

  private static String conditions(ManagedImage image) {
    if (image == null || image.getStatus() == null) {
      return "none";
    }
    return image.getStatus().getConditions().stream()
        .map(c -> c.getType() + "=" + c.getStatus() + " " + c.getReason() + ": " + c.getMessage())
        .toList()
        .toString();
  }

  private static String firstLines(String text, int lines) {
    return String.join("\n", text.lines().limit(lines).toList());
  }

  private static void stop(Process operator) throws InterruptedException {
    operator.destroy();
    if (!operator.waitFor(30, TimeUnit.SECONDS)) {
      operator.destroyForcibly();
    }
  }
}
