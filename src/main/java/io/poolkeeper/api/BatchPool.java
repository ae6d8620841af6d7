package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * An Azure Batch pool (management plane, {@code Microsoft.Batch/batchAccounts/pools}) on a custom
 * image, kept at its target size.
 */
@Group(ApiGroup.NAME)
@Version(ApiGroup.VERSION)
@Kind("BatchPool")
@Plural("batchpools")
@ShortNames("bp")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Allocation",
    jsonPath = ".status.allocationState",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Current",
    jsonPath = ".status.currentDedicatedNodes",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Target",
    jsonPath = ".status.targetDedicatedNodes",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
// A rule at the root may read metadata.name; has(self.spec) keeps it from failing on an object
// without spec.
@ValidationRule(
    value =
        "!has(self.spec) || has(self.spec.poolId) || self.metadata.name.matches(r'"
            + ApiPatterns.POOL_ID
            + "')",
    message =
        "metadata.name is not a valid Azure Batch pool id (up to 64 letters, digits, hyphens and"
            + " underscores; no dots), so it cannot name the pool: set spec.poolId.")
public class BatchPool extends CustomResource<BatchPoolSpec, BatchPoolStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription("The Batch pool wanted in Azure.")
  public BatchPoolSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("What the operator observed in Azure. Written by the operator only.")
  public BatchPoolStatus getStatus() {
    return super.getStatus();
  }
}
