package io.poolkeeper.azure;

import com.azure.core.util.Context;
import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.compute.fluent.ComputeManagementClient;
import com.azure.resourcemanager.compute.fluent.models.GalleryImageInner;
import com.azure.resourcemanager.compute.fluent.models.GalleryImageVersionInner;
import com.azure.resourcemanager.compute.fluent.models.GalleryInner;
import com.azure.resourcemanager.compute.models.GalleryArtifactVersionFullSource;
import com.azure.resourcemanager.compute.models.GalleryImageIdentifier;
import com.azure.resourcemanager.compute.models.GalleryImageVersionPublishingProfile;
import com.azure.resourcemanager.compute.models.GalleryImageVersionStorageProfile;
import com.azure.resourcemanager.compute.models.HyperVGeneration;
import com.azure.resourcemanager.compute.models.OperatingSystemStateTypes;
import com.azure.resourcemanager.compute.models.OperatingSystemTypes;
import com.azure.resourcemanager.compute.models.ReplicationStatus;
import com.azure.resourcemanager.compute.models.ReplicationStatusTypes;
import com.azure.resourcemanager.compute.models.StorageAccountType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@link GalleryService} on azure-resourcemanager-compute. */
final class SdkGalleryService implements GalleryService {

  private static final String CREATING = "Creating";

  private final Function<String, ComputeManager> compute;

  SdkGalleryService(Function<String, ComputeManager> compute) {
    this.compute = compute;
  }

  @Override
  public String ensureGallery(
      GalleryImageVersionRef version, String location, Map<String, String> tags) {
    ComputeManagementClient client = client(version);
    return AzureErrors.find(
            () ->
                client
                    .getGalleries()
                    .getByResourceGroupWithResponse(
                        version.resourceGroup(), version.gallery(), null, null, Context.NONE)
                    .getValue()
                    .provisioningState()
                    .toString())
        .orElseGet(
            () -> {
              AzureErrors.run(
                  () ->
                      client
                          .getGalleries()
                          .beginCreateOrUpdate(
                              version.resourceGroup(),
                              version.gallery(),
                              new GalleryInner().withLocation(location).withTags(tags)));
              return CREATING;
            });
  }

  @Override
  public String ensureImageDefinition(ImageDefinition definition) {
    GalleryImageVersionRef version = definition.version();
    ComputeManagementClient client = client(version);
    return AzureErrors.find(
            () ->
                client
                    .getGalleryImages()
                    .getWithResponse(
                        version.resourceGroup(),
                        version.gallery(),
                        version.imageDefinition(),
                        Context.NONE)
                    .getValue()
                    .provisioningState()
                    .toString())
        .orElseGet(
            () -> {
              GalleryImageInner body =
                  new GalleryImageInner()
                      .withLocation(definition.location())
                      .withOsType(OperatingSystemTypes.fromString(definition.osType()))
                      .withOsState(OperatingSystemStateTypes.fromString(definition.osState()))
                      .withHyperVGeneration(
                          HyperVGeneration.fromString(definition.hyperVGeneration()))
                      .withIdentifier(
                          new GalleryImageIdentifier()
                              .withPublisher(definition.publisher())
                              .withOffer(definition.offer())
                              .withSku(definition.sku()));
              AzureErrors.run(
                  () ->
                      client
                          .getGalleryImages()
                          .beginCreateOrUpdate(
                              version.resourceGroup(),
                              version.gallery(),
                              version.imageDefinition(),
                              body));
              return CREATING;
            });
  }

  @Override
  public void beginCreateOrUpdateVersion(ImageVersionDefinition definition) {
    GalleryImageVersionRef version = definition.version();
    GalleryImageVersionInner body =
        new GalleryImageVersionInner()
            .withLocation(definition.location())
            .withTags(definition.tags())
            .withStorageProfile(
                new GalleryImageVersionStorageProfile()
                    .withSource(
                        new GalleryArtifactVersionFullSource().withId(definition.sourceImageId())))
            .withPublishingProfile(
                new GalleryImageVersionPublishingProfile()
                    .withExcludeFromLatest(definition.excludeFromLatest())
                    .withEndOfLifeDate(definition.endOfLifeDate())
                    .withTargetRegions(
                        definition.targetRegions().stream()
                            .map(
                                region ->
                                    new com.azure.resourcemanager.compute.models.TargetRegion()
                                        .withName(region.name())
                                        .withRegionalReplicaCount(region.replicaCount())
                                        .withStorageAccountType(
                                            StorageAccountType.fromString(
                                                region.storageAccountType())))
                            .toList()));
    AzureErrors.run(
        () ->
            client(version)
                .getGalleryImageVersions()
                .beginCreateOrUpdate(
                    version.resourceGroup(),
                    version.gallery(),
                    version.imageDefinition(),
                    version.version(),
                    body));
  }

  @Override
  public Optional<ImageVersionInfo> getVersion(GalleryImageVersionRef version) {
    return AzureErrors.find(
            () ->
                client(version)
                    .getGalleryImageVersions()
                    .getWithResponse(
                        version.resourceGroup(),
                        version.gallery(),
                        version.imageDefinition(),
                        version.version(),
                        ReplicationStatusTypes.REPLICATION_STATUS,
                        Context.NONE)
                    .getValue())
        .map(SdkGalleryService::info);
  }

  @Override
  public void beginDeleteVersion(GalleryImageVersionRef version) {
    AzureErrors.delete(
        () ->
            client(version)
                .getGalleryImageVersions()
                .beginDelete(
                    version.resourceGroup(),
                    version.gallery(),
                    version.imageDefinition(),
                    version.version()));
  }

  private ComputeManagementClient client(GalleryImageVersionRef version) {
    return compute.apply(version.subscriptionId()).serviceClient();
  }

  private static ImageVersionInfo info(GalleryImageVersionInner inner) {
    GalleryImageVersionPublishingProfile publishing = inner.publishingProfile();
    List<TargetRegion> regions =
        publishing == null || publishing.targetRegions() == null
            ? List.of()
            : publishing.targetRegions().stream()
                .map(
                    r ->
                        new TargetRegion(
                            r.name(),
                            r.regionalReplicaCount() == null ? 1 : r.regionalReplicaCount(),
                            r.storageAccountType() == null
                                ? null
                                : r.storageAccountType().toString()))
                .toList();
    ReplicationStatus replication = inner.replicationStatus();
    List<RegionReplication> summary =
        replication == null || replication.summary() == null
            ? List.of()
            : replication.summary().stream()
                .map(
                    s ->
                        new RegionReplication(
                            s.region(),
                            s.state() == null ? null : s.state().toString(),
                            s.progress() == null ? 0 : s.progress()))
                .toList();
    return new ImageVersionInfo(
        inner.id(),
        inner.provisioningState() == null ? null : inner.provisioningState().toString(),
        inner.storageProfile() == null || inner.storageProfile().source() == null
            ? null
            : inner.storageProfile().source().id(),
        regions,
        replication == null || replication.aggregatedState() == null
            ? null
            : replication.aggregatedState().toString(),
        summary,
        publishing != null && Boolean.TRUE.equals(publishing.excludeFromLatest()),
        inner.tags() == null ? Map.of() : inner.tags());
  }
}
