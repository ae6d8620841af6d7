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
// A rule at the root may read metadata.name; has(self.spec) keeps it from failing on an object
// without spec.
@ValidationRule(
    value =
        "!has(self.spec) || has(self.spec.imageName) || self.metadata.name.matches(r'"
            + ApiPatterns.MANAGED_IMAGE_NAME
            + "')",
    message =
        "metadata.name is not a valid Azure managed image name (1-80 characters), so it cannot"
            + " name the image: set spec.imageName.")
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
