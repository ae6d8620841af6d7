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

/** An Azure managed image ({@code Microsoft.Compute/images}) built from VM snapshots. */
@Group(ApiGroup.NAME)
@Version(ApiGroup.VERSION)
@Kind("ManagedImage")
@Plural("managedimages")
@ShortNames("mi")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "State",
    jsonPath = ".status.provisioningState",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ManagedImage extends CustomResource<ManagedImageSpec, ManagedImageStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription("The managed image wanted in Azure.")
  public ManagedImageSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("What the operator observed in Azure. Written by the operator only.")
  public ManagedImageStatus getStatus() {
    return super.getStatus();
  }
}
