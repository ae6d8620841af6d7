package io.poolkeeper.operator;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.poolkeeper.api.Condition;
import io.poolkeeper.api.ObservedStatus;
import io.poolkeeper.api.ProjectFiles;
import io.poolkeeper.azure.AzureClients;
import io.poolkeeper.azure.PoolRef.BatchAccountRef;
import io.poolkeeper.emulator.AzureEmulator;
import io.poolkeeper.emulator.BatchAccountSeed;
import io.poolkeeper.emulator.EmulatorAdmin;
import io.poolkeeper.emulator.EmulatorClient;
import io.poolkeeper.emulator.EmulatorOptions;
import io.poolkeeper.emulator.SnapshotSeed;
import io.poolkeeper.emulator.TestWorld;
import io.poolkeeper.kubetest.Kubectl;
import io.poolkeeper.kubetest.TestNamespaces;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A world for operator tests: the real API server (shared by the run), a fresh namespace, the Azure
 * emulator on a simulated clock seeded like the examples expect, and the operator running
 * in-process on the emulator's clock, watching only that namespace. Waiting moves the simulated
 * clock along, so Azure's minutes pass in milliseconds.
 */
public final class OperatorHarness implements AutoCloseable {

  public static final String SUBSCRIPTION = "11111111-2222-3333-4444-555555555555";
  public static final String IMAGES_GROUP = "rg-images";
  public static final String BATCH_GROUP = "rg-batch";
  public static final String LOCATION = "westeurope";
  public static final BatchAccountRef ACCOUNT =
      new BatchAccountRef(SUBSCRIPTION, BATCH_GROUP, "renderbatch");

  /** Simulated seconds per real second the operator assumes; the waits keep roughly to it. */
  public static final double TIME_SCALE = 500;

  private static final Duration TICK = Duration.ofSeconds(10);
  private static final Duration REAL_TIMEOUT = Duration.ofSeconds(90);

  public final KubernetesClient client;
  public final Kubectl kubectl;
  public final String namespace;
  public final AzureEmulator emulator;
  public final AzureClients azure;
  private PoolkeeperOperator operator;

  /** What the in-process operator counts. */
  public final OperatorMetrics metrics = new OperatorMetrics(new SimpleMeterRegistry());

  private OperatorHarness(
      KubernetesClient client, Kubectl kubectl, String namespace, EmulatorOptions options) {
    this.client = client;
    this.kubectl = kubectl;
    this.namespace = namespace;
    this.emulator = AzureEmulator.start(options);
    this.azure = azureClients(emulator, AzureClients.RetrySettings.defaults(), metrics.registry());
    seed(emulator.admin());
  }

  /** Azure clients on {@code emulator}, trusting its certificate, with these retries. */
  public static AzureClients azureClients(
      AzureEmulator emulator, AzureClients.RetrySettings retry, MeterRegistry registry) {
    return new AzureClients(
        new AzureClients.Settings(
            emulator.endpoint(),
            AzureClients.emulatorCredential(),
            Optional.of(emulator.caCertificate()),
            retry),
        registry);
  }

  /** A new namespace and emulator, and the operator with Azure locks on. */
  public static OperatorHarness start(KubernetesClient client, Kubectl kubectl, String prefix) {
    OperatorHarness harness =
        new OperatorHarness(
            client,
            kubectl,
            TestNamespaces.create(client, prefix),
            EmulatorOptions.builder().port(0).build());
    harness.startOperator(true);
    return harness;
  }

  /**
   * A new namespace and emulator for operators the test runs as separate processes ({@code java
   * -jar}). Those decide on the wall clock, not on the emulator's, so the emulator's simulated time
   * starts a year ahead of it: an Azure timestamp (a resize's start) must never look older to the
   * operator than it is, or it would stop resizes as timed out.
   */
  public static OperatorHarness withoutOperator(
      KubernetesClient client, Kubectl kubectl, String prefix) {
    return new OperatorHarness(
        client,
        kubectl,
        TestNamespaces.create(client, prefix),
        EmulatorOptions.builder()
            .port(0)
            .simulatedStart(Instant.now().plus(Duration.ofDays(365)))
            .build());
  }

  /** (Re)starts the in-process operator with locks on or off. */
  public void startOperator(boolean locks) {
    stopOperator();
    OperatorSettings settings =
        new OperatorSettings(
            Optional.of(SUBSCRIPTION), Set.of(namespace), Optional.empty(), locks, TIME_SCALE);
    operator =
        PoolkeeperOperator.start(
            client, OperatorContext.create(settings, emulator.clock(), azure, client, metrics));
  }

  public void stopOperator() {
    if (operator != null) {
      operator.close();
      operator = null;
    }
  }

  /**
   * The command line of {@code java -jar poolkeeper.jar} for an operator process that serves this
   * namespace against this emulator at the tests' time scale, followed by {@code extra}.
   */
  public List<String> operatorCommand(String... extra) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "operator",
                "--azure-endpoint",
                emulator.endpoint().toString(),
                "--azure-ca-file",
                emulator.caCertificateFile().toString(),
                "--azure-token",
                "emulator-token",
                "--namespaces",
                namespace,
                "--time-scale",
                String.valueOf(TIME_SCALE)));
    command.addAll(List.of(extra));
    return command;
  }

  public EmulatorAdmin admin() {
    return emulator.admin();
  }

  /** An example object (from examples/), applied into this test's namespace. */
  public ObjectNode example(String file, String kind) {
    return ProjectFiles.example(file, kind);
  }

  /** Server-side applies an object into this namespace, as kubectl apply --server-side. */
  public void apply(ObjectNode object) {
    TestNamespaces.apply(client, namespace, object);
  }

  /** Creates or updates a Secret in this namespace with one key; its new resourceVersion. */
  public String secret(String name, String key, String value) {
    return client
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withStringData(Map.of(key, value))
                .build())
        .fieldManager("poolkeeper-tests")
        .forceConflicts()
        .serverSideApply()
        .getMetadata()
        .getResourceVersion();
  }

  public <T extends HasMetadata> T get(Class<T> kind, String name) {
    return client.resources(kind).inNamespace(namespace).withName(name).get();
  }

  /** Waits, letting simulated time pass, until {@code probe} gives something {@code done}. */
  public <T> T until(Supplier<T> probe, Predicate<T> done) {
    return await()
        .atMost(REAL_TIMEOUT)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20))
        .ignoreExceptions()
        .until(
            () -> {
              admin().advanceClock(TICK);
              return probe.get();
            },
            done);
  }

  /** Waits until the object's condition of this type has this status (True/False). */
  public <S extends ObservedStatus, T extends CustomResource<?, S>> T untilCondition(
      Class<T> kind, String name, String type, String status) {
    return until(
        () -> get(kind, name),
        object -> object != null && status.equals(conditionStatus(object, type)));
  }

  /** Waits until the object is gone from the API server. */
  public void untilGone(Class<? extends HasMetadata> kind, String name) {
    until(() -> Optional.ofNullable(get(kind, name)), Optional::isEmpty);
  }

  public static String conditionStatus(
      CustomResource<?, ? extends ObservedStatus> object, String type) {
    Condition condition = condition(object, type);
    return condition == null ? null : condition.getStatus();
  }

  public static Condition condition(
      CustomResource<?, ? extends ObservedStatus> object, String type) {
    return object.getStatus() == null
        ? null
        : Conditions.find(object.getStatus().getConditions(), type);
  }

  /** The Events recorded on one object. */
  public List<Event> events(String name) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(event -> name.equals(event.getInvolvedObject().getName()))
        .toList();
  }

  /** The reasons of the Events recorded on one object. */
  public List<String> eventReasons(String name) {
    return events(name).stream().map(Event::getReason).toList();
  }

  private static void seed(EmulatorAdmin admin) {
    seedImageSources(admin);
    admin.addBatchAccount(BatchAccountSeed.withDefaultQuotas(ACCOUNT.resourceId(), LOCATION));
  }

  /**
   * What the example image chain needs in Azure: the subscription, the image and Batch resource
   * groups and the snapshots the ManagedImage is made from.
   */
  public static void seedImageSources(EmulatorAdmin admin) {
    admin.addSubscription(SUBSCRIPTION);
    admin.addResourceGroup(SUBSCRIPTION, IMAGES_GROUP, LOCATION);
    admin.addResourceGroup(SUBSCRIPTION, BATCH_GROUP, LOCATION);
    admin.addSnapshot(new SnapshotSeed(snapshotId("render-os"), LOCATION, "Linux", 64, "V2"));
    admin.addSnapshot(new SnapshotSeed(snapshotId("render-data0"), LOCATION, null, 128, null));
  }

  /** The other team's resource group holding the image of examples/production-pool.yaml. */
  public static final String SHARED_IMAGES_GROUP =
      "/subscriptions/99999999-8888-7777-6666-555555555555/resourceGroups/rg-shared-images";

  /** The image of examples/production-pool.yaml: a version in the other team's gallery. */
  public static final String SHARED_IMAGE_VERSION =
      SHARED_IMAGES_GROUP
          + "/providers/Microsoft.Compute/galleries/shared_gallery/images/render-tl/versions/1.2.0";

  /**
   * The image examples/production-pool.yaml uses: a trusted-launch (SecurityType TrustedLaunch,
   * Generation 2) gallery image in another team's subscription, replicated to the Batch account's
   * region, made through ARM as that team would.
   */
  public void seedSharedTrustedLaunchImage() {
    String compute = SHARED_IMAGES_GROUP + "/providers/Microsoft.Compute";
    admin().addResourceGroup(SHARED_IMAGES_GROUP.split("/")[2], "rg-shared-images", LOCATION);
    String snapshot = compute + "/snapshots/render-tl-os";
    admin().addSnapshot(new SnapshotSeed(snapshot, LOCATION, "Linux", 64, "V2"));
    EmulatorClient azure = new EmulatorClient(emulator);
    String image = compute + "/images/render-tl";
    created(
        azure.put(
            image + TestWorld.IMAGES_API,
            TestWorld.json(
                """
                {"location": "westeurope", "properties": {"hyperVGeneration": "V2",
                  "storageProfile": {"osDisk": {"osType": "Linux", "osState": "Generalized",
                                                "snapshot": {"id": "%s"}}}}}
                """
                    .formatted(snapshot))));
    created(
        azure.put(
            compute + "/galleries/shared_gallery" + TestWorld.GALLERY_API, TestWorld.gallery()));
    ObjectNode definition = TestWorld.definition();
    ((ObjectNode) definition.get("properties"))
        .putArray("features")
        .addObject()
        .put("name", "SecurityType")
        .put("value", "TrustedLaunch");
    created(
        azure.put(
            compute + "/galleries/shared_gallery/images/render-tl" + TestWorld.GALLERY_API,
            definition));
    created(
        azure.put(
            SHARED_IMAGE_VERSION + TestWorld.GALLERY_API, TestWorld.version(image, LOCATION, "1")));
    admin().advanceClock(TestWorld.AGES);
  }

  private static void created(EmulatorClient.Reply reply) {
    if (reply.status() < 200 || reply.status() > 201) {
      throw new IllegalStateException("seeding failed: " + reply.status() + " " + reply.body());
    }
  }

  public static String snapshotId(String name) {
    return "/subscriptions/"
        + SUBSCRIPTION
        + "/resourceGroups/"
        + IMAGES_GROUP
        + "/providers/Microsoft.Compute/snapshots/"
        + name;
  }

  public static String imageId(String name) {
    return "/subscriptions/"
        + SUBSCRIPTION
        + "/resourceGroups/"
        + IMAGES_GROUP
        + "/providers/Microsoft.Compute/images/"
        + name;
  }

  @Override
  public void close() {
    stopOperator();
    emulator.close();
  }
}
