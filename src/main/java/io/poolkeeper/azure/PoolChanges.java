package io.poolkeeper.azure;

import io.poolkeeper.azure.PoolService.AutoScaleSettings;
import io.poolkeeper.azure.PoolService.FixedScaleSettings;
import io.poolkeeper.azure.PoolService.PoolInfo;
import io.poolkeeper.azure.PoolService.PoolPatch;
import io.poolkeeper.azure.PoolService.PoolSettings;
import io.poolkeeper.azure.PoolService.ScaleSettings;
import io.poolkeeper.azure.PoolService.StartTaskSettings;
import io.poolkeeper.azure.batch.PoolModel.TaskSchedulingPolicy;
import io.poolkeeper.azure.batch.PoolModel.VirtualMachineConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which differences between the pool Poolkeeper wants and the pool Azure has Azure changes in place
 * at Batch management api-version 2026-08-01, and which need a new pool. A pure function: no call
 * to Azure.
 *
 * <p>Source: azure-rest-api-specs, specification/batch/resource-manager/Microsoft.Batch/Batch/
 * stable/2026-08-01/openapi.json, operation {@code Pool_Update} (PATCH: "Properties that are
 * supplied will be updated, any property not supplied will be unchanged"), its examples
 * PoolUpdate_ResizePool, PoolUpdate_EnableAutoScale, PoolUpdate_OtherProperties (metadata,
 * application packages) and PoolUpdate_RemoveStartTask, and the property descriptions: {@code
 * startTask} ("In an PATCH (update) operation, this property can be set to an empty object to
 * remove the start task"), {@code applicationPackages} (changes reach nodes that join or are
 * rebooted), {@code BatchPoolIdentity} ("only the new vms which are created after the pool shrinks
 * to 0 will have the updated identities"). vmSize, the image and the upgrade policy change in place
 * since 2024-07-01 only while the pool has no nodes (Azure Batch docs, "Update Batch pool
 * properties": with nodes, only scale, start task, metadata and application packages change).
 * Everything else needs a new pool.
 */
public final class PoolChanges {

  /** Changed by a PATCH whatever the pool's size. */
  public static final Set<String> IN_PLACE =
      Set.of("scaleSettings", "startTask", "metadata", "applicationPackages", "tags");

  /** Changed by a PATCH only while the pool has no nodes. */
  public static final Set<String> WHILE_EMPTY =
      Set.of("vmSize", "imageReference", "nodeAgentSkuId", "identity", "upgradePolicy");

  private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);

  private PoolChanges() {}

  /**
   * What differs, by REST property name, and the PATCH that applies what can be applied now.
   *
   * @param inPlace differences a PATCH applies now
   * @param whileEmpty differences a PATCH applies only while the pool has no nodes
   * @param newPool differences only a new pool can bring
   * @param patch the in-place differences, plus the while-empty ones if the pool is empty
   */
  public record Plan(
      Set<String> inPlace, Set<String> whileEmpty, Set<String> newPool, PoolPatch patch) {

    /** Nothing differs. */
    public boolean inSync() {
      return inPlace.isEmpty() && whileEmpty.isEmpty() && newPool.isEmpty();
    }

    /** Some difference needs a new pool. */
    public boolean needsNewPool() {
      return !newPool.isEmpty();
    }
  }

  /**
   * The plan from {@code current} to {@code wanted}. A single value the wanted settings leave
   * {@code null} is Azure's default; secrets are not compared (Azure never reports them), nor is a
   * fixed scale's nodeDeallocationOption (Azure does not report it either).
   */
  public static Plan between(PoolSettings wanted, PoolInfo current) {
    PoolSettings want = wanted.withoutSecrets();
    PoolSettings have = current.settings().withoutSecrets();
    Set<String> inPlace = new TreeSet<>();
    Set<String> whileEmpty = new TreeSet<>();
    Set<String> newPool = new TreeSet<>();

    if (want.scale() != null && !sameScale(want.scale(), have.scale())) {
      inPlace.add("scaleSettings");
    }
    if (!sameStartTask(want.startTask(), have.startTask())) {
      inPlace.add("startTask");
    }
    if (!want.metadata().equals(have.metadata())) {
      inPlace.add("metadata");
    }
    if (!want.applicationPackages().equals(have.applicationPackages())) {
      inPlace.add("applicationPackages");
    }
    if (want.upgradePolicy() != null && !want.upgradePolicy().equals(have.upgradePolicy())) {
      whileEmpty.add("upgradePolicy");
    }
    if (!want.tags().equals(have.tags())) {
      inPlace.add("tags");
    }

    if (want.vmSize() != null && !want.vmSize().equalsIgnoreCase(have.vmSize())) {
      whileEmpty.add("vmSize");
    }
    if (!sameIds(want.userAssignedIdentities(), have.userAssignedIdentities())) {
      whileEmpty.add("identity");
    }
    compareVirtualMachines(
        want.virtualMachineConfiguration(),
        have.virtualMachineConfiguration(),
        whileEmpty,
        newPool);

    if (want.displayName() != null && !want.displayName().equals(have.displayName())) {
      newPool.add("displayName");
    }
    if (!Objects.equals(
        orDefault(want.taskSlotsPerNode(), 1), orDefault(have.taskSlotsPerNode(), 1))) {
      newPool.add("taskSlotsPerNode");
    }
    if (!orDefault(want.interNodeCommunication(), "Disabled")
        .equalsIgnoreCase(orDefault(have.interNodeCommunication(), "Disabled"))) {
      newPool.add("interNodeCommunication");
    }
    if (!sameScheduling(want.taskSchedulingPolicy(), have.taskSchedulingPolicy())) {
      newPool.add("taskSchedulingPolicy");
    }
    if (!Objects.equals(want.networkConfiguration(), have.networkConfiguration())) {
      newPool.add("networkConfiguration");
    }
    if (!want.mountConfiguration().equals(have.mountConfiguration())) {
      newPool.add("mountConfiguration");
    }
    if (!want.userAccounts().equals(have.userAccounts())) {
      newPool.add("userAccounts");
    }

    boolean applyWhileEmpty = current.isEmpty() && newPool.isEmpty();
    boolean changeImage =
        applyWhileEmpty
            && (whileEmpty.contains("imageReference") || whileEmpty.contains("nodeAgentSkuId"));
    PoolPatch patch =
        new PoolPatch(
            inPlace.contains("scaleSettings") ? wanted.scale() : null,
            inPlace.contains("startTask")
                ? (wanted.startTask() == null ? StartTaskSettings.NONE : wanted.startTask())
                : null,
            inPlace.contains("metadata") ? wanted.metadata() : null,
            inPlace.contains("applicationPackages") ? wanted.applicationPackages() : null,
            applyWhileEmpty && whileEmpty.contains("upgradePolicy") ? wanted.upgradePolicy() : null,
            inPlace.contains("tags") ? wanted.tags() : null,
            applyWhileEmpty && whileEmpty.contains("vmSize") ? wanted.vmSize() : null,
            changeImage ? wanted.virtualMachineConfiguration() : null,
            applyWhileEmpty && whileEmpty.contains("identity")
                ? wanted.userAssignedIdentities()
                : null,
            current.etag());
    return new Plan(Set.copyOf(inPlace), Set.copyOf(whileEmpty), Set.copyOf(newPool), patch);
  }

  private static void compareVirtualMachines(
      VirtualMachineConfiguration want,
      VirtualMachineConfiguration have,
      Set<String> whileEmpty,
      Set<String> newPool) {
    if (want == null) {
      return;
    }
    if (have == null) {
      whileEmpty.add("imageReference");
      whileEmpty.add("nodeAgentSkuId");
      return;
    }
    if (!want.imageReference().sameImageAs(have.imageReference())) {
      whileEmpty.add("imageReference");
    }
    if (!Objects.equals(want.nodeAgentSkuId(), have.nodeAgentSkuId())) {
      whileEmpty.add("nodeAgentSkuId");
    }
    differ(newPool, "dataDisks", want.dataDisks(), have.dataDisks());
    differ(
        newPool,
        "containerConfiguration",
        want.containerConfiguration(),
        have.containerConfiguration());
    differ(
        newPool,
        "diskEncryptionConfiguration",
        want.diskEncryptionConfiguration(),
        have.diskEncryptionConfiguration());
    differ(
        newPool,
        "nodePlacementConfiguration",
        want.nodePlacementConfiguration(),
        have.nodePlacementConfiguration());
    differ(newPool, "extensions", want.extensions(), have.extensions());
    differ(newPool, "osDisk", want.osDisk(), have.osDisk());
    differ(newPool, "securityProfile", want.securityProfile(), have.securityProfile());
    differ(newPool, "licenseType", want.licenseType(), have.licenseType());
    differ(
        newPool, "windowsConfiguration", want.windowsConfiguration(), have.windowsConfiguration());
  }

  private static void differ(Set<String> differences, String property, Object want, Object have) {
    if (!Objects.equals(want, have)) {
      differences.add(property);
    }
  }

  private static boolean sameScale(ScaleSettings want, ScaleSettings have) {
    if (want instanceof FixedScaleSettings fixed && have instanceof FixedScaleSettings actual) {
      return fixed.targetDedicatedNodes() == actual.targetDedicatedNodes()
          && fixed.targetLowPriorityNodes() == actual.targetLowPriorityNodes()
          && orDefault(fixed.resizeTimeout(), DEFAULT_INTERVAL)
              .equals(orDefault(actual.resizeTimeout(), DEFAULT_INTERVAL));
    }
    if (want instanceof AutoScaleSettings auto && have instanceof AutoScaleSettings actual) {
      return Objects.equals(auto.formula(), actual.formula())
          && orDefault(auto.evaluationInterval(), DEFAULT_INTERVAL)
              .equals(orDefault(actual.evaluationInterval(), DEFAULT_INTERVAL));
    }
    return false;
  }

  private static boolean sameStartTask(StartTaskSettings want, StartTaskSettings have) {
    if (want == null || have == null) {
      return want == have;
    }
    return want.equals(have);
  }

  private static boolean sameScheduling(TaskSchedulingPolicy want, TaskSchedulingPolicy have) {
    if (want == null) {
      return true;
    }
    TaskSchedulingPolicy actual = have == null ? new TaskSchedulingPolicy("Spread", null) : have;
    return orDefault(want.nodeFillType(), "Spread").equalsIgnoreCase(actual.nodeFillType())
        && orDefault(want.jobDefaultOrder(), "None")
            .equalsIgnoreCase(orDefault(actual.jobDefaultOrder(), "None"));
  }

  private static boolean sameIds(List<String> want, List<String> have) {
    return lowerCase(want).equals(lowerCase(have));
  }

  private static Set<String> lowerCase(List<String> ids) {
    Set<String> lower = new TreeSet<>();
    ids.forEach(id -> lower.add(id.toLowerCase(Locale.ROOT)));
    return lower;
  }

  private static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
