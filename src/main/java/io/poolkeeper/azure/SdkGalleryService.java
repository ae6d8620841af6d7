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
import com.azure.resourcemanager.compute.models.GalleryImageVersionSafetyProfile;
import com.azure.resourcemanager.compute.models.GalleryImageVersionStorageProfile;
import com.azure.resourcemanager.compute.models.GalleryImageVersionUpdate;
import com.azure.resourcemanager.compute.models.HyperVGeneration;
import com.azure.resourcemanager.compute.models.OperatingSystemStateTypes;
import com.azure.resourcemanager.compute.models.OperatingSystemTypes;
import com.azure.resourcemanager.compute.models.ReplicationStatus;
import com.azure.resourcemanager.compute.models.ReplicationStatusTypes;
import com.azure.resourcemanager.compute.models.StorageAccountType;
import com.azure.resourcemanager.compute.models.TargetRegion;
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
    return getGalleryState(version)
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
  public Optional<String> getGalleryState(GalleryImageVersionRef version) {
    return AzureErrors.find(
        () ->
            client(version)
                .getGalleries()
                .getByResourceGroupWithResponse(
                    version.resourceGroup(), version.gallery(), null, null, Context.NONE)
                .getValue()
                .provisioningState()
                .toString());
  }

  @Override
  public String ensureImageDefinition(ImageDefinitionSettings definition) {
    GalleryImageVersionRef version = definition.version();
    ComputeManagementClient client = client(version);
    return getImageDefinition(version)
        .map(ImageDefinitionInfo::provisioningState)
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
  public Optional<ImageDefinitionInfo> getImageDefinition(GalleryImageVersionRef version) {
    return AzureErrors.find(
            () ->
                client(version)
                    .getGalleryImages()
                    .getWithResponse(
                        version.resourceGroup(),
                        version.gallery(),
                        version.imageDefinition(),
                        Context.NONE)
                    .getValue())
        .map(SdkGalleryService::definitionInfo);
  }

  @Override
  public AzureOperation beginCreateVersion(ImageVersionDefinition definition) {
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
                    .withTargetRegions(targetRegions(definition.targetRegions())));
    return OperationCapture.start(
        context ->
            client(version)
                .getGalleryImageVersions()
                .beginCreateOrUpdate(
                    version.resourceGroup(),
                    version.gallery(),
                    version.imageDefinition(),
                    version.version(),
                    body,
                    context));
  }

  @Override
  public AzureOperation beginUpdateVersion(ImageVersionUpdate update) {
    GalleryImageVersionRef version = update.version();
    GalleryImageVersionPublishingProfile publishing =
        new GalleryImageVersionPublishingProfile()
            .withExcludeFromLatest(update.excludeFromLatest())
            .withEndOfLifeDate(update.endOfLifeDate());
    if (update.targetRegions() != null) {
      publishing.withTargetRegions(targetRegions(update.targetRegions()));
    }
    GalleryImageVersionUpdate body =
        new GalleryImageVersionUpdate()
            .withPublishingProfile(publishing)
            // The SDK insists on a storage profile; an empty one leaves the source as it is.
            .withStorageProfile(new GalleryImageVersionStorageProfile());
    if (update.tags() != null) {
      body.withTags(update.tags());
    }
    if (update.allowDeletionOfReplicatedLocations() != null) {
      body.withSafetyProfile(
          new GalleryImageVersionSafetyProfile()
              .withAllowDeletionOfReplicatedLocations(update.allowDeletionOfReplicatedLocations()));
    }
    return OperationCapture.start(
        context ->
            client(version)
                .getGalleryImageVersions()
                .beginUpdate(
                    version.resourceGroup(),
                    version.gallery(),
                    version.imageDefinition(),
                    version.version(),
                    body,
                    context));
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
  public AzureOperation beginDeleteVersion(GalleryImageVersionRef version) {
    return OperationCapture.startDelete(
        context ->
            client(version)
                .getGalleryImageVersions()
                .beginDelete(
                    version.resourceGroup(),
                    version.gallery(),
                    version.imageDefinition(),
                    version.version(),
                    context));
  }

  private ComputeManagementClient client(GalleryImageVersionRef version) {
    return compute.apply(version.subscriptionId()).serviceClient();
  }

  private static List<TargetRegion> targetRegions(List<ReplicaTarget> targets) {
    return targets.stream()
        .map(
            target ->
                new TargetRegion()
                    .withName(target.region())
                    .withRegionalReplicaCount(target.replicaCount())
                    .withStorageAccountType(
                        target.storageAccountType() == null
                            ? null
                            : StorageAccountType.fromString(target.storageAccountType())))
        .toList();
  }

  private static ImageDefinitionInfo definitionInfo(GalleryImageInner inner) {
    GalleryImageIdentifier identifier = inner.identifier();
    return new ImageDefinitionInfo(
        inner.id(),
        inner.provisioningState() == null ? null : inner.provisioningState().toString(),
        inner.osType() == null ? null : inner.osType().toString(),
        inner.osState() == null ? null : inner.osState().toString(),
        inner.hyperVGeneration() == null ? null : inner.hyperVGeneration().toString(),
        identifier == null ? null : identifier.publisher(),
        identifier == null ? null : identifier.offer(),
        identifier == null ? null : identifier.sku());
  }

  private static ImageVersionInfo info(GalleryImageVersionInner inner) {
    GalleryImageVersionPublishingProfile publishing = inner.publishingProfile();
    List<ReplicaTarget> regions =
        publishing == null || publishing.targetRegions() == null
            ? List.of()
            : publishing.targetRegions().stream()
                .map(
                    r ->
                        new ReplicaTarget(
                            r.name(),
                            r.regionalReplicaCount() == null ? 1 : r.regionalReplicaCount(),
                            r.storageAccountType() == null
                                ? null
                                : r.storageAccountType().toString()))
                .toList();
    ReplicationStatus replication = inner.replicationStatus();
    List<ReplicationProgress> summary =
        replication == null || replication.summary() == null
            ? List.of()
            : replication.summary().stream()
                .map(
                    s ->
                        new ReplicationProgress(
                            s.region(),
                            s.state() == null ? null : s.state().toString(),
                            s.progress() == null ? 0 : s.progress()))
                .toList();
    return new ImageVersionInfo(
        inner.id(),
        inner.location(),
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
        publishing == null ? null : publishing.endOfLifeDate(),
        inner.tags() == null ? Map.of() : inner.tags());
  }
}
