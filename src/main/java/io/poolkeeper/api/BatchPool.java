package io.poolkeeper.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
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
