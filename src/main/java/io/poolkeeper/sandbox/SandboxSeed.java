package io.poolkeeper.sandbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.poolkeeper.UserError;
import io.poolkeeper.emulator.AzureEmulator;
import io.poolkeeper.emulator.BatchAccountSeed;
import io.poolkeeper.emulator.EmulatorAdmin;
import io.poolkeeper.emulator.SnapshotSeed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the emulator holds before the sandbox applies anything, from a small YAML file (the default
 * is {@code sandbox/seed.yaml} in the jar): subscriptions, their resource groups, and in those the
 * snapshots and Batch accounts the examples presuppose.
 */
record SandboxSeed(List<Subscription> subscriptions) {

  static final String DEFAULT_RESOURCE = "/sandbox/seed.yaml";

  record Subscription(String id, List<ResourceGroup> resourceGroups) {}

  record ResourceGroup(
      String name,
      String location,
      List<Snapshot> snapshots,
      List<BatchAccount> batchAccounts,
      List<GalleryImageVersion> galleryImageVersions) {}

  record Snapshot(
      String name,
      String osType,
      String hyperVGeneration,
      @JsonProperty("diskSizeGB") Integer diskSizeGB) {}

  record BatchAccount(String name, Integer dedicatedCoreQuota, Integer lowPriorityCoreQuota) {}

  /**
   * A version someone else published, made from a snapshot of the same resource group.
   *
   * @param securityType the image definition's SecurityType feature (e.g. TrustedLaunchSupported)
   * @param regions where it is replicated; the resource group's location when empty
   */
  record GalleryImageVersion(
      String gallery,
      String image,
      String version,
      String snapshot,
      String osType,
      String hyperVGeneration,
      String securityType,
      List<String> regions) {}

  /** The one YAML reader of the sandbox: the seed, and the examples it applies. */
  static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** The seed shipped in the jar. */
  static SandboxSeed defaults() {
    try (InputStream in = SandboxSeed.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return parse(Objects.requireNonNull(in, DEFAULT_RESOURCE + " is missing from the jar"), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The seed in a file the user gave; any mistake in it is a one-line error naming the file. */
  static SandboxSeed read(Path file) {
    if (!Files.isReadable(file)) {
      throw new UserError("--seed " + file + " does not exist or cannot be read");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, "--seed " + file + ": ");
    } catch (IOException e) {
      throw new UserError("--seed " + file + " cannot be read: " + e.getMessage());
    }
  }

  private static SandboxSeed parse(InputStream in, String where) throws IOException {
    SandboxSeed seed;
    try {
      seed = YAML.readValue(in, SandboxSeed.class);
    } catch (JsonMappingException e) {
      throw new UserError(where + "not a seed file: " + e.getOriginalMessage());
    }
    if (seed == null || seed.subscriptions() == null || seed.subscriptions().isEmpty()) {
      throw new UserError(where + "names no subscriptions");
    }
    for (Subscription subscription : seed.subscriptions()) {
      require(subscription.id(), where + "a subscription without an id");
      for (ResourceGroup group : orEmpty(subscription.resourceGroups())) {
        require(group.name(), where + "a resource group without a name");
        require(group.location(), where + "resource group " + group.name() + " has no location");
        for (Snapshot snapshot : orEmpty(group.snapshots())) {
          require(snapshot.name(), where + "a snapshot without a name");
          if (snapshot.diskSizeGB() == null || snapshot.diskSizeGB() <= 0) {
            throw new UserError(
                where + "snapshot " + snapshot.name() + " needs a positive diskSizeGB");
          }
        }
        for (BatchAccount account : orEmpty(group.batchAccounts())) {
          require(account.name(), where + "a Batch account without a name");
        }
        for (GalleryImageVersion version : orEmpty(group.galleryImageVersions())) {
          require(version.gallery(), where + "a gallery image version without a gallery");
          require(version.image(), where + "a gallery image version without an image");
          require(version.version(), where + "a gallery image version without a version");
          require(
              version.snapshot(),
              where + "gallery image version " + version.image() + " names no snapshot");
        }
      }
    }
    return seed;
  }

  /** Creates everything in the emulator, the gallery image versions last. */
  void applyTo(AzureEmulator emulator) {
    EmulatorAdmin admin = emulator.admin();
    for (Subscription subscription : subscriptions) {
      admin.addSubscription(subscription.id());
      for (ResourceGroup group : orEmpty(subscription.resourceGroups())) {
        admin.addResourceGroup(subscription.id(), group.name(), group.location());
        String groupId = "/subscriptions/" + subscription.id() + "/resourceGroups/" + group.name();
        for (Snapshot snapshot : orEmpty(group.snapshots())) {
          admin.addSnapshot(
              new SnapshotSeed(
                  groupId + "/providers/Microsoft.Compute/snapshots/" + snapshot.name(),
                  null,
                  snapshot.osType(),
                  snapshot.diskSizeGB(),
                  snapshot.hyperVGeneration()));
        }
        for (BatchAccount account : orEmpty(group.batchAccounts())) {
          String id = groupId + "/providers/Microsoft.Batch/batchAccounts/" + account.name();
          BatchAccountSeed defaults = BatchAccountSeed.withDefaultQuotas(id, null);
          admin.addBatchAccount(
              new BatchAccountSeed(
                  id,
                  null,
                  account.dedicatedCoreQuota() == null
                      ? defaults.dedicatedCoreQuota()
                      : account.dedicatedCoreQuota(),
                  account.lowPriorityCoreQuota() == null
                      ? defaults.lowPriorityCoreQuota()
                      : account.lowPriorityCoreQuota(),
                  List.of(),
                  false));
        }
      }
    }
    SharedImages shared = new SharedImages(emulator);
    for (Subscription subscription : subscriptions) {
      for (ResourceGroup group : orEmpty(subscription.resourceGroups())) {
        String groupId = "/subscriptions/" + subscription.id() + "/resourceGroups/" + group.name();
        for (GalleryImageVersion version : orEmpty(group.galleryImageVersions())) {
          shared.publish(groupId, group.location(), version);
        }
      }
    }
  }

  /** The first subscription: the operator's default for objects that name none. */
  String defaultSubscription() {
    return subscriptions.get(0).id();
  }

  private static void require(String value, String problem) {
    if (value == null || value.isBlank()) {
      throw new UserError(problem);
    }
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
