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
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which differences between the pool Poolkeeper wants and the pool Azure has Azure changes in place
 * at Batch management api-version 2026-08-01 whatever the pool's size, and which only while it has
 * no nodes. A pure function: no call to Azure.
 *
 * <p>Sources: azure-rest-api-specs, specification/batch/resource-manager/Microsoft.Batch/Batch/
 * stable/2026-08-01/openapi.json, operation {@code Pool_Update} (PATCH: "Properties that are
 * supplied will be updated, any property not supplied will be unchanged"), its examples
 * PoolUpdate_ResizePool, PoolUpdate_EnableAutoScale, PoolUpdate_OtherProperties and
 * PoolUpdate_RemoveStartTask; and the Azure Batch documentation "Update Batch pool properties"
 * (learn.microsoft.com/azure/batch/batch-pool-update-properties): from api-version 2024-07-01 the
 * management-plane Pool - Update takes application packages, metadata, scale settings and the start
 * task on a pool with nodes, and every other updatable pool property only while the pool has zero
 * nodes. Should Azure still refuse one on an empty pool ({@code PropertyCannotBeUpdated}), the
 * BatchPool controller recreates the pool instead.
 */
public final class PoolChanges {

  /** Changed by a PATCH whatever the pool's size. */
  public static final Set<String> IN_PLACE =
      Set.of("scaleSettings", "startTask", "metadata", "applicationPackages", "tags");

  /** Parts of the virtual machine configuration, which a PATCH replaces whole. */
  private static final Set<String> VIRTUAL_MACHINE =
      Set.of(
          "imageReference",
          "nodeAgentSkuId",
          "dataDisks",
          "containerConfiguration",
          "diskEncryptionConfiguration",
          "nodePlacementConfiguration",
          "extensions",
          "osDisk",
          "securityProfile",
          "licenseType",
          "windowsConfiguration");

  private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);

  private PoolChanges() {}

  /**
   * What differs, by REST property name, and the PATCH that applies what can be applied now.
   *
   * @param inPlace differences a PATCH applies now
   * @param whileEmpty differences a PATCH applies only while the pool has no nodes
   * @param patch the in-place differences, plus the while-empty ones if the pool is empty
   */
  public record Plan(Set<String> inPlace, Set<String> whileEmpty, PoolPatch patch) {

    /** Nothing differs. */
    public boolean inSync() {
      return inPlace.isEmpty() && whileEmpty.isEmpty();
    }
  }

  /** The plan from {@code current} to {@code wanted}, with nothing Azure cannot show changed. */
  public static Plan between(PoolSettings wanted, PoolInfo current) {
    return between(wanted, current, Set.of());
  }

  /**
   * The plan from {@code current} to {@code wanted}. A single value the wanted settings leave
   * {@code null} is Azure's default; secrets are not compared (Azure never reports them), nor is a
   * fixed scale's nodeDeallocationOption (Azure does not report it either).
   *
   * @param unseen properties that changed in a way Azure cannot show, by REST name (a Secret behind
   *     a password Azure never returns): sent as if they differed
   */
  public static Plan between(PoolSettings wanted, PoolInfo current, Set<String> unseen) {
    PoolSettings want = wanted.withoutSecrets();
    PoolSettings have = current.settings().withoutSecrets();
    Set<String> inPlace = new TreeSet<>();
    Set<String> whileEmpty = new TreeSet<>();

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
        want.virtualMachineConfiguration(), have.virtualMachineConfiguration(), whileEmpty);

    if (want.displayName() != null && !want.displayName().equals(have.displayName())) {
      whileEmpty.add("displayName");
    }
    if (!Objects.equals(
        orDefault(want.taskSlotsPerNode(), 1), orDefault(have.taskSlotsPerNode(), 1))) {
      whileEmpty.add("taskSlotsPerNode");
    }
    if (!orDefault(want.interNodeCommunication(), "Disabled")
        .equalsIgnoreCase(orDefault(have.interNodeCommunication(), "Disabled"))) {
      whileEmpty.add("interNodeCommunication");
    }
    if (!sameScheduling(want.taskSchedulingPolicy(), have.taskSchedulingPolicy())) {
      whileEmpty.add("taskSchedulingPolicy");
    }
    if (!Objects.equals(want.networkConfiguration(), have.networkConfiguration())) {
      whileEmpty.add("networkConfiguration");
    }
    if (!want.mountConfiguration().equals(have.mountConfiguration())) {
      whileEmpty.add("mountConfiguration");
    }
    if (!want.userAccounts().equals(have.userAccounts())) {
      whileEmpty.add("userAccounts");
    }

    for (String property : unseen) {
      (IN_PLACE.contains(property) ? inPlace : whileEmpty).add(property);
    }

    boolean applyWhileEmpty = current.isEmpty();
    boolean changeVirtualMachine =
        applyWhileEmpty && whileEmpty.stream().anyMatch(VIRTUAL_MACHINE::contains);
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
            changeVirtualMachine ? wanted.virtualMachineConfiguration() : null,
            applyWhileEmpty && whileEmpty.contains("identity")
                ? wanted.userAssignedIdentities()
                : null,
            applyWhileEmpty ? poolProperties(wanted, whileEmpty) : Map.of(),
            current.etag());
    return new Plan(Set.copyOf(inPlace), Set.copyOf(whileEmpty), patch);
  }

  /**
   * The pool-level properties among {@code names}, with the values the wanted settings give them
   * (secrets included: the PATCH carries them); Azure's defaults where the settings leave one out,
   * so that taking a setting out of the spec resets it.
   */
  private static Map<String, Object> poolProperties(PoolSettings wanted, Set<String> names) {
    Map<String, Object> properties = new TreeMap<>();
    if (names.contains("displayName")) {
      properties.put("displayName", orDefault(wanted.displayName(), ""));
    }
    if (names.contains("taskSlotsPerNode")) {
      properties.put("taskSlotsPerNode", orDefault(wanted.taskSlotsPerNode(), 1));
    }
    if (names.contains("interNodeCommunication")) {
      properties.put(
          "interNodeCommunication", orDefault(wanted.interNodeCommunication(), "Disabled"));
    }
    if (names.contains("taskSchedulingPolicy")) {
      properties.put(
          "taskSchedulingPolicy",
          orDefault(wanted.taskSchedulingPolicy(), new TaskSchedulingPolicy("Spread", null)));
    }
    if (names.contains("networkConfiguration")) {
      // null asks Azure to drop it; should Azure keep it, the controller recreates the pool.
      properties.put("networkConfiguration", wanted.networkConfiguration());
    }
    if (names.contains("mountConfiguration")) {
      properties.put("mountConfiguration", wanted.mountConfiguration());
    }
    if (names.contains("userAccounts")) {
      properties.put("userAccounts", wanted.userAccounts());
    }
    return properties;
  }

  private static void compareVirtualMachines(
      VirtualMachineConfiguration want, VirtualMachineConfiguration have, Set<String> whileEmpty) {
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
    differ(whileEmpty, "dataDisks", want.dataDisks(), have.dataDisks());
    differ(
        whileEmpty,
        "containerConfiguration",
        want.containerConfiguration(),
        have.containerConfiguration());
    differ(
        whileEmpty,
        "diskEncryptionConfiguration",
        want.diskEncryptionConfiguration(),
        have.diskEncryptionConfiguration());
    differ(
        whileEmpty,
        "nodePlacementConfiguration",
        want.nodePlacementConfiguration(),
        have.nodePlacementConfiguration());
    differ(whileEmpty, "extensions", want.extensions(), have.extensions());
    differ(whileEmpty, "osDisk", want.osDisk(), have.osDisk());
    differ(whileEmpty, "securityProfile", want.securityProfile(), have.securityProfile());
    differ(whileEmpty, "licenseType", want.licenseType(), have.licenseType());
    differ(
        whileEmpty,
        "windowsConfiguration",
        want.windowsConfiguration(),
        have.windowsConfiguration());
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
