package io.poolkeeper.azure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Resource types as ARM names them (Azure Resource Manager, "Resource providers and types"). */
class AzureCallMetricsTest {

  private static final String GROUP = "/subscriptions/s/resourceGroups/rg";

  @Test
  void theTypeIsTheProviderNamespaceAndEveryTypeSegmentWithoutNames() {
    assertThat(AzureCallMetrics.resourceType(GROUP + "/providers/Microsoft.Compute/images/base"))
        .isEqualTo("Microsoft.Compute/images");
    assertThat(
            AzureCallMetrics.resourceType(
                GROUP + "/providers/Microsoft.Compute/galleries/g/images/d/versions/1.0.0"))
        .isEqualTo("Microsoft.Compute/galleries/images/versions");
    assertThat(
            AzureCallMetrics.resourceType(
                GROUP + "/providers/Microsoft.Batch/batchAccounts/a/pools/p/stopResize"))
        .isEqualTo("Microsoft.Batch/batchAccounts/pools/stopResize");
    assertThat(
            AzureCallMetrics.resourceType(
                "/subscriptions/s/providers/Microsoft.Compute/locations/westeurope/operations/1"))
        .isEqualTo("Microsoft.Compute/locations/operations");
  }

  @Test
  void aLockOnAResourceIsALock() {
    assertThat(
            AzureCallMetrics.resourceType(
                GROUP
                    + "/providers/Microsoft.Compute/images/base/providers/Microsoft.Authorization/locks/l"))
        .isEqualTo("Microsoft.Authorization/locks");
  }

  @Test
  void pathsWithoutAProviderAreNamedByTheirLevel() {
    assertThat(AzureCallMetrics.resourceType(GROUP)).isEqualTo("resourceGroups");
    assertThat(AzureCallMetrics.resourceType("/subscriptions/s")).isEqualTo("subscriptions");
  }
}
