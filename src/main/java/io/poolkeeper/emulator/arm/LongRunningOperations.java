package io.poolkeeper.emulator.arm;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The long-running operations the emulator has started, and the URLs clients poll them at: the
 * {@code Azure-AsyncOperation} status URL and the {@code Location} URL ({@code monitor=true} for
 * Compute), spelled as the recorded Azure traffic spells them.
 */
public final class LongRunningOperations {

  private final Map<String, LongRunningOperation> operations = new HashMap<>();
  private long poolDeletions;

  public LongRunningOperation start(
      LongRunningOperation.Kind kind,
      ResourceId target,
      boolean deletion,
      Instant start,
      Instant end,
      ArmException failure,
      String location,
      String apiVersion) {
    String id =
        switch (kind) {
          case POOL_DELETION -> "delete-" + target.name() + "-" + poolDeletionSuffix();
          case RESOURCE_GROUP_DELETION -> resourceGroupDeletionToken(target, location);
          default -> UUID.randomUUID().toString();
        };
    LongRunningOperation operation =
        new LongRunningOperation(
            id, kind, target, deletion, start, end, failure, location, apiVersion);
    operations.put(id.toLowerCase(Locale.ROOT), operation);
    return operation;
  }

  Optional<LongRunningOperation> find(String id) {
    return Optional.ofNullable(operations.get(id.toLowerCase(Locale.ROOT)));
  }

  void clear() {
    operations.clear();
    poolDeletions = 0;
  }

  /** The status URL ({@code Azure-AsyncOperation}) of a Compute operation. */
  public static String asyncOperationUrl(URI base, LongRunningOperation operation) {
    return computeUrl(base, operation, false);
  }

  /** The URL a client polls through {@code Location}. */
  public static String locationUrl(URI base, LongRunningOperation operation) {
    ResourceId target = operation.target();
    return switch (operation.kind()) {
      case COMPUTE, GALLERY, DISK -> computeUrl(base, operation, true);
      case POOL_DELETION ->
          base
              + "subscriptions/"
              + target.subscriptionId()
              + "/resourceGroups/"
              + target.resourceGroup()
              + "/providers/Microsoft.Batch/batchAccounts/"
              + target.parent().name()
              + "/poolOperationResults/"
              + operation.id()
              + "?api-version="
              + operation.apiVersion();
      case RESOURCE_GROUP_DELETION ->
          base
              + "subscriptions/"
              + target.subscriptionId()
              + "/operationresults/"
              + operation.id()
              + "?api-version="
              + operation.apiVersion();
    };
  }

  private static String computeUrl(URI base, LongRunningOperation operation, boolean monitor) {
    return base
        + "subscriptions/"
        + operation.target().subscriptionId()
        + "/providers/Microsoft.Compute/locations/"
        + operation.location()
        + "/"
        + operation.kind().pathSegment()
        + "/"
        + operation.id()
        + "?"
        + (monitor ? "monitor=true&" : "")
        + "api-version="
        + operation.apiVersion();
  }

  private String poolDeletionSuffix() {
    poolDeletions++;
    return String.format(Locale.ROOT, "8D4EDFF%09X", poolDeletions);
  }

  // ARM's tokens are base64url JSON naming the deletion job; the same shape keeps them familiar.
  private static String resourceGroupDeletionToken(ResourceId group, String location) {
    String job =
        "{\"jobId\":\"RESOURCEGROUPDELETIONJOB-"
            + group.resourceGroup().toUpperCase(Locale.ROOT)
            + "-"
            + location.toUpperCase(Locale.ROOT)
            + "\",\"jobLocation\":\""
            + location
            + "\"}";
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(job.getBytes(StandardCharsets.UTF_8));
  }
}
