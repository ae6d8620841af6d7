package io.poolkeeper.azure;

import com.azure.core.util.Context;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluent.ManagementLocksClient;
import com.azure.resourcemanager.resources.fluent.models.ManagementLockObjectInner;
import com.azure.resourcemanager.resources.models.LockLevel;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link LockService} on azure-resourcemanager-resources (Microsoft.Authorization/locks). */
final class SdkLockService implements LockService {

  private static final Pattern SUBSCRIPTION = Pattern.compile("(?i)^/subscriptions/([^/]+)/");

  private final Function<String, ResourceManager> resources;

  SdkLockService(Function<String, ResourceManager> resources) {
    this.resources = resources;
  }

  @Override
  public void putDeleteLock(String resourceId, String lockName, String notes) {
    AzureErrors.run(
        () ->
            locks(resourceId)
                .createOrUpdateByScope(
                    resourceId,
                    lockName,
                    new ManagementLockObjectInner()
                        .withLevel(LockLevel.CAN_NOT_DELETE)
                        .withNotes(notes)));
  }

  @Override
  public void removeLock(String resourceId, String lockName) {
    AzureErrors.delete(
        () -> locks(resourceId).deleteByScopeWithResponse(resourceId, lockName, Context.NONE));
  }

  @Override
  public List<LockInfo> listLocks(String resourceId) {
    return AzureErrors.call(
        () ->
            locks(resourceId).listByScope(resourceId, null, Context.NONE).stream()
                .map(
                    lock ->
                        new LockInfo(
                            lock.id(),
                            lock.name(),
                            lock.level() == null ? null : lock.level().toString(),
                            lock.notes()))
                .toList());
  }

  private ManagementLocksClient locks(String resourceId) {
    Matcher subscription = SUBSCRIPTION.matcher(resourceId);
    if (!subscription.find()) {
      throw new IllegalArgumentException("not an Azure resource ID: " + resourceId);
    }
    return resources.apply(subscription.group(1)).managementLockClient().getManagementLocks();
  }
}
