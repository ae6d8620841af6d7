package io.poolkeeper.emulator;

import static io.poolkeeper.emulator.TestWorld.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.SubResource;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.util.Context;
import com.azure.core.util.polling.SyncPoller;
import com.azure.resourcemanager.batch.BatchManager;
import com.azure.resourcemanager.batch.models.DeploymentConfiguration;
import com.azure.resourcemanager.batch.models.FixedScaleSettings;
import com.azure.resourcemanager.batch.models.ImageReference;
import com.azure.resourcemanager.batch.models.Pool;
import com.azure.resourcemanager.batch.models.ScaleSettings;
import com.azure.resourcemanager.batch.models.VirtualMachineConfiguration;
import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.compute.fluent.models.GalleryImageInner;
import com.azure.resourcemanager.compute.fluent.models.GalleryImageVersionInner;
import com.azure.resourcemanager.compute.fluent.models.GalleryInner;
import com.azure.resourcemanager.compute.fluent.models.ImageInner;
import com.azure.resourcemanager.compute.models.GalleryArtifactVersionFullSource;
import com.azure.resourcemanager.compute.models.GalleryImageIdentifier;
import com.azure.resourcemanager.compute.models.GalleryImageVersionPublishingProfile;
import com.azure.resourcemanager.compute.models.GalleryImageVersionStorageProfile;
import com.azure.resourcemanager.compute.models.HyperVGeneration;
import com.azure.resourcemanager.compute.models.HyperVGenerationTypes;
import com.azure.resourcemanager.compute.models.ImageOSDisk;
import com.azure.resourcemanager.compute.models.ImageStorageProfile;
import com.azure.resourcemanager.compute.models.OperatingSystemStateTypes;
import com.azure.resourcemanager.compute.models.OperatingSystemTypes;
import com.azure.resourcemanager.compute.models.ReplicationStatusTypes;
import com.azure.resourcemanager.compute.models.TargetRegion;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.models.LockLevel;
import com.azure.resourcemanager.resources.models.ManagementLock;
import io.poolkeeper.emulator.arm.ApiVersions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The Azure SDK for Java, as the operator's adapters use it, against the emulator: the SDK's
 * long-running-operation pollers, error mapping and models must accept what the emulator answers.
 * Long-running operations are started, the simulated clock is moved past them, and the SDK's poller
 * is asked once, as a reconciler would on its next pass.
 */
class AzureSdkAgainstEmulatorTest {

  private static final String GALLERY_NAME = "sdk_gallery";

  private static AzureEmulator azure;
  private static AzureProfile profile;
  private static TokenCredential anyToken;
  private static HttpClient http;
  private static ResourceManager resources;
  private static ComputeManager compute;
  private static BatchManager batch;

  @BeforeAll
  static void start() {
    azure = AzureEmulator.start(EmulatorOptions.defaults());
    Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
    endpoints.put("resourceManagerEndpointUrl", azure.endpoint().toString());
    profile = new AzureProfile("tenant", SUBSCRIPTION, new AzureEnvironment(endpoints));
    anyToken =
        request -> Mono.just(new AccessToken("any-token", OffsetDateTime.now().plusHours(1)));
    http =
        new JdkHttpClientBuilder(
                java.net.http.HttpClient.newBuilder().sslContext(azure.clientSslContext()))
            .build();
    resources =
        ResourceManager.configure()
            .withHttpClient(http)
            .authenticate(anyToken, profile)
            .withSubscription(SUBSCRIPTION);
    compute = ComputeManager.configure().withHttpClient(http).authenticate(anyToken, profile);
    batch = BatchManager.configure().withHttpClient(http).authenticate(anyToken, profile);
  }

  @AfterAll
  static void stop() {
    azure.close();
  }

  @BeforeEach
  void seed() {
    azure.admin().reset();
    TestWorld.seed(azure.admin());
  }

  @Test
  void theImageChainIsCreatedLockedAndDeletedThroughTheSdk() {
    ImageInner image =
        finish(
            compute
                .serviceClient()
                .getImages()
                .beginCreateOrUpdate(
                    IMAGES_RG,
                    "sdk-image",
                    new ImageInner()
                        .withLocation(LOCATION)
                        .withHyperVGeneration(HyperVGenerationTypes.V2)
                        .withStorageProfile(
                            new ImageStorageProfile()
                                .withOsDisk(
                                    new ImageOSDisk()
                                        .withOsType(OperatingSystemTypes.LINUX)
                                        .withOsState(OperatingSystemStateTypes.GENERALIZED)
                                        .withSnapshot(new SubResource().withId(OS_SNAPSHOT))))));
    assertThat(image.provisioningState()).isEqualTo("Succeeded");
    assertThat(image.storageProfile().osDisk().diskSizeGB()).isEqualTo(30);

    GalleryInner gallery =
        finish(
            compute
                .serviceClient()
                .getGalleries()
                .beginCreateOrUpdate(
                    IMAGES_RG, GALLERY_NAME, new GalleryInner().withLocation(LOCATION)));
    assertThat(gallery.identifier().uniqueName()).isEqualTo(SUBSCRIPTION + "-SDK_GALLERY");
    finish(
        compute
            .serviceClient()
            .getGalleryImages()
            .beginCreateOrUpdate(
                IMAGES_RG,
                GALLERY_NAME,
                "render",
                new GalleryImageInner()
                    .withLocation(LOCATION)
                    .withOsType(OperatingSystemTypes.LINUX)
                    .withOsState(OperatingSystemStateTypes.GENERALIZED)
                    .withHyperVGeneration(HyperVGeneration.V2)
                    .withIdentifier(
                        new GalleryImageIdentifier()
                            .withPublisher("p")
                            .withOffer("o")
                            .withSku("s"))));
    GalleryImageVersionInner version =
        finish(
            compute
                .serviceClient()
                .getGalleryImageVersions()
                .beginCreateOrUpdate(
                    IMAGES_RG,
                    GALLERY_NAME,
                    "render",
                    "1.0.0",
                    new GalleryImageVersionInner()
                        .withLocation(LOCATION)
                        .withPublishingProfile(
                            new GalleryImageVersionPublishingProfile()
                                .withTargetRegions(
                                    List.of(
                                        new TargetRegion()
                                            .withName(LOCATION)
                                            .withRegionalReplicaCount(2))))
                        .withStorageProfile(
                            new GalleryImageVersionStorageProfile()
                                .withSource(
                                    new GalleryArtifactVersionFullSource().withId(image.id())))));
    assertThat(version.provisioningState().toString()).isEqualTo("Succeeded");
    assertThat(version.storageProfile().osDiskImage().sizeInGB()).isEqualTo(30);
    GalleryImageVersionInner replicated =
        compute
            .serviceClient()
            .getGalleryImageVersions()
            .getWithResponse(
                IMAGES_RG,
                GALLERY_NAME,
                "render",
                "1.0.0",
                ReplicationStatusTypes.REPLICATION_STATUS,
                Context.NONE)
            .getValue();
    assertThat(replicated.replicationStatus().aggregatedState().toString()).isEqualTo("Completed");

    ManagementLock lock =
        resources
            .managementLocks()
            .define("in-use")
            .withLockedResource(image.id())
            .withLevel(LockLevel.CAN_NOT_DELETE)
            .create();
    ManagementException refused =
        catchThrowableOfType(
            ManagementException.class,
            () -> compute.serviceClient().getImages().beginDelete(IMAGES_RG, "sdk-image"));
    assertThat(refused.getResponse().getStatusCode()).isEqualTo(409);
    assertThat(refused.getValue().getCode()).isEqualTo("ScopeLocked");

    resources.managementLocks().deleteById(lock.id());
    finish(compute.serviceClient().getImages().beginDelete(IMAGES_RG, "sdk-image"));
    assertThat(compute.serviceClient().getImages().listByResourceGroup(IMAGES_RG)).isEmpty();
  }

  @Test
  void aPoolIsCreatedUpdatedListedAndDeletedThroughTheSdk() {
    Pool pool =
        batch
            .pools()
            .define("sdk-pool")
            .withExistingBatchAccount(BATCH_RG, "renderbatch")
            .withVmSize("Standard_D2s_v5")
            .withDeploymentConfiguration(
                new DeploymentConfiguration()
                    .withVirtualMachineConfiguration(
                        new VirtualMachineConfiguration()
                            .withImageReference(
                                new ImageReference()
                                    .withPublisher("Canonical")
                                    .withOffer("0001-com-ubuntu-server-jammy")
                                    .withSku("22_04-lts"))
                            .withNodeAgentSkuId("batch.node.ubuntu 22.04")))
            .withScaleSettings(
                new ScaleSettings()
                    .withFixedScale(
                        new FixedScaleSettings()
                            .withTargetDedicatedNodes(5)
                            .withResizeTimeout(Duration.ofMinutes(15))))
            .withIfNoneMatch("*")
            .create();
    assertThat(pool.etag()).startsWith("W/\"0x");
    azure.admin().advanceClock(AGES);

    Pool read = batch.pools().get(BATCH_RG, "renderbatch", "sdk-pool");
    assertThat(read.currentDedicatedNodes()).isEqualTo(5);
    String etagBeforeUpdate = read.etag();
    read.update()
        .withScaleSettings(
            new ScaleSettings()
                .withFixedScale(new FixedScaleSettings().withTargetDedicatedNodes(8)))
        .withIfMatch(etagBeforeUpdate)
        .apply();
    ManagementException stale =
        catchThrowableOfType(
            ManagementException.class,
            () -> read.update().withMetadata(List.of()).withIfMatch(etagBeforeUpdate).apply());
    assertThat(stale.getResponse().getStatusCode()).isEqualTo(412);

    assertThat(
            batch
                .pools()
                .listByBatchAccount(
                    BATCH_RG, "renderbatch", 10, "properties/allocationState", null, Context.NONE)
                .stream()
                .map(Pool::name))
        .containsExactly("sdk-pool");

    finish(batch.serviceClient().getPools().beginDelete(BATCH_RG, "renderbatch", "sdk-pool"));
    ManagementException gone =
        catchThrowableOfType(
            ManagementException.class,
            () -> batch.pools().get(BATCH_RG, "renderbatch", "sdk-pool"));
    assertThat(gone.getValue().getCode()).isEqualTo("PoolNotFound");
  }

  @Test
  void resourceGroupsAreCreatedCheckedAndDeletedThroughTheSdk() {
    resources.resourceGroups().define("sdk-group").withRegion(LOCATION).create();
    assertThat(resources.resourceGroups().contain("sdk-group")).isTrue();

    finish(resources.serviceClient().getResourceGroups().beginDelete("sdk-group"));

    assertThat(resources.resourceGroups().contain("sdk-group")).isFalse();
  }

  // A current SDK of another language sends newer api-versions than the Java SDK on the classpath
  // (azure-mgmt-compute: Compute 2025-11-01 is newer than the 2025-04-01 sent here); Azure accepts
  // every published stable version, and so does the emulator.
  @Test
  void newerPublishedApiVersionsWorkThroughTheSdk() {
    List<String> sent = new CopyOnWriteArrayList<>();
    ComputeManager newer =
        ComputeManager.configure()
            .withHttpClient(http)
            .withPolicy(
                apiVersionRewrite(
                    Map.of(
                        ApiVersions.IMAGES_SDK, "2025-11-01",
                        ApiVersions.GALLERIES_SDK, "2025-03-03"),
                    sent))
            .authenticate(anyToken, profile);
    BatchManager newerBatch =
        BatchManager.configure()
            .withHttpClient(http)
            .withPolicy(apiVersionRewrite(Map.of(ApiVersions.BATCH_SDK, "2026-08-01"), sent))
            .authenticate(anyToken, profile);

    GalleryInner gallery =
        finish(
            newer
                .serviceClient()
                .getGalleries()
                .beginCreateOrUpdate(
                    IMAGES_RG, GALLERY_NAME, new GalleryInner().withLocation(LOCATION)));
    ImageInner image =
        finish(
            newer
                .serviceClient()
                .getImages()
                .beginCreateOrUpdate(
                    IMAGES_RG,
                    "sdk-image",
                    new ImageInner()
                        .withLocation(LOCATION)
                        .withStorageProfile(
                            new ImageStorageProfile()
                                .withOsDisk(
                                    new ImageOSDisk()
                                        .withOsType(OperatingSystemTypes.LINUX)
                                        .withOsState(OperatingSystemStateTypes.GENERALIZED)
                                        .withSnapshot(new SubResource().withId(OS_SNAPSHOT))))));

    assertThat(gallery.provisioningState().toString()).isEqualTo("Succeeded");
    assertThat(image.provisioningState()).isEqualTo("Succeeded");
    assertThat(newerBatch.batchAccounts().getByResourceGroup(BATCH_RG, "renderbatch").location())
        .isEqualTo(LOCATION);
    assertThat(sent)
        .anyMatch(url -> url.contains("/galleries/" + GALLERY_NAME + "?api-version=2025-03-03"))
        .anyMatch(url -> url.contains("/images/sdk-image?api-version=2025-11-01"))
        .anyMatch(url -> url.contains("/batchAccounts/renderbatch?api-version=2026-08-01"));
  }

  @Test
  void anUnpublishedApiVersionIsRefusedAsArmDoes() {
    ComputeManager unpublished =
        ComputeManager.configure()
            .withHttpClient(http)
            .withPolicy(
                apiVersionRewrite(
                    Map.of(ApiVersions.IMAGES_SDK, "2099-01-01"), new CopyOnWriteArrayList<>()))
            .authenticate(anyToken, profile);

    ManagementException refused =
        catchThrowableOfType(
            ManagementException.class,
            () ->
                unpublished.serviceClient().getImages().listByResourceGroup(IMAGES_RG).stream()
                    .count());

    assertThat(refused.getResponse().getStatusCode()).isEqualTo(400);
    assertThat(refused.getValue().getCode()).isEqualTo("NoRegisteredProviderFound");
    assertThat(refused.getValue().getMessage())
        .startsWith(
            "No registered resource provider found for location 'westeurope' and API version"
                + " '2099-01-01' for type 'images'.");
  }

  /**
   * Sends {@code rewrites}' values instead of the api-versions the SDK would send, and notes each
   * URL sent in {@code sent}.
   */
  private static HttpPipelinePolicy apiVersionRewrite(
      Map<String, String> rewrites, List<String> sent) {
    return (context, next) -> {
      HttpRequest request = context.getHttpRequest();
      String url = request.getUrl().toString();
      for (Map.Entry<String, String> rewrite : rewrites.entrySet()) {
        url = url.replace("api-version=" + rewrite.getKey(), "api-version=" + rewrite.getValue());
      }
      request.setUrl(url);
      sent.add(url);
      return next.process();
    };
  }

  /** Lets the operation finish on the clock and collects its result through the SDK's poller. */
  private static <T, U> U finish(SyncPoller<PollResult<T>, U> poller) {
    azure.admin().advanceClock(AGES);
    poller.poll();
    return poller.getFinalResult();
  }
}
