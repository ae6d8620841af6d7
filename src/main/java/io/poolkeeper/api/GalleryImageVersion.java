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
 * An Azure Compute Gallery image version, with the gallery and image definition it lives in,
 * replicated to the regions its pools need.
 */
@Group(ApiGroup.NAME)
@Version(ApiGroup.VERSION)
@Kind("GalleryImageVersion")
@Plural("galleryimageversions")
@ShortNames("giv")
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
    name = "Replication",
    jsonPath = ".status.replicationState",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Version",
    jsonPath = ".spec.version",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class GalleryImageVersion
    extends CustomResource<GalleryImageVersionSpec, GalleryImageVersionStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription("The gallery image version wanted in Azure.")
  public GalleryImageVersionSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("What the operator observed in Azure. Written by the operator only.")
  public GalleryImageVersionStatus getStatus() {
    return super.getStatus();
  }
}
