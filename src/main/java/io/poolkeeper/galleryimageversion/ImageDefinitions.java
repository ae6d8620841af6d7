package io.poolkeeper.galleryimageversion;

import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.GalleryImageVersionSpec;
import io.poolkeeper.azure.GalleryImageVersionRef;
import io.poolkeeper.azure.GalleryService.ImageDefinitionInfo;
import io.poolkeeper.azure.GalleryService.ImageDefinitionSettings;
import io.poolkeeper.galleryimageversion.GalleryImageVersionDecision.Observation;
import io.poolkeeper.operator.Health;
import io.poolkeeper.operator.Notice;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The gallery and image definition a version lives in: created when missing, never deleted. A
 * definition that exists with another OS type, OS state, generation or identifier is Stalled with
 * the difference named, as Azure cannot change a definition.
 */
final class ImageDefinitions {

  private ImageDefinitions() {}

  /**
   * Stalled or waiting while the gallery or image definition is missing, provisioning, failed or
   * not what the spec says; {@code null} when the definition is there as the spec says.
   */
  static Health health(
      GalleryImageVersion object,
      Observation observed,
      List<GalleryImageVersionActions> actions,
      List<Notice> notices) {
    GalleryImageVersionSpec spec = object.getSpec();
    GalleryImageVersionRef ref = observed.ref();
    String location = spec.getAzure().getLocation();
    ImageDefinitionInfo definition = observed.definition().orElse(null);
    if (definition == null) {
      String gallery = observed.galleryState().orElse(null);
      if (gallery == null) {
        actions.add(new GalleryImageVersionActions.CreateGallery(location));
        notices.add(
            Notice.normal(
                "CreatingGallery",
                "Creating gallery " + ref.galleryId() + " (Poolkeeper never deletes it)."));
        return Health.inProgress("CreatingGallery", "Creating the gallery in Azure.");
      }
      if ("Failed".equalsIgnoreCase(gallery)) {
        return Health.stalled(
            "GalleryFailed",
            "Gallery "
                + ref.gallery()
                + " failed to provision in Azure. Delete it in Azure or choose another gallery.");
      }
      if (!"Succeeded".equalsIgnoreCase(gallery)) {
        return Health.inProgress(
            "CreatingGallery", "Waiting for gallery " + ref.gallery() + " (" + gallery + ").");
      }
      actions.add(new GalleryImageVersionActions.CreateImageDefinition(settings(object, ref)));
      notices.add(
          Notice.normal(
              "CreatingImageDefinition",
              "Creating image definition "
                  + ref.imageDefinitionId()
                  + " (Poolkeeper never deletes it)."));
      return Health.inProgress(
          "CreatingImageDefinition", "Creating the image definition in Azure.");
    }
    List<String> differences = differences(spec.getImageDefinition(), definition);
    if (!differences.isEmpty()) {
      return Health.stalled(
          "ImageDefinitionDiffers",
          "Image definition "
              + ref.imageDefinition()
              + " exists in Azure with "
              + String.join(", ", differences)
              + ", and Azure cannot change a definition. Create a new GalleryImageVersion under"
              + " another imageDefinition.name.");
    }
    if ("Failed".equalsIgnoreCase(definition.provisioningState())) {
      return Health.stalled(
          "ImageDefinitionFailed",
          "Image definition "
              + ref.imageDefinition()
              + " failed to provision in Azure. Delete it in Azure, or use another definition.");
    }
    if (!"Succeeded".equalsIgnoreCase(definition.provisioningState())) {
      return Health.inProgress(
          "CreatingImageDefinition",
          "Waiting for image definition "
              + ref.imageDefinition()
              + " ("
              + definition.provisioningState()
              + ").");
    }
    return null;
  }

  /** What differs between the spec's image definition and Azure's, in words; empty when none. */
  static List<String> differences(
      GalleryImageVersionSpec.ImageDefinition wanted, ImageDefinitionInfo azure) {
    List<String> differences = new ArrayList<>();
    difference(differences, "osType", wanted.getOsType().name(), azure.osType());
    difference(
        differences,
        "osState",
        wanted.getOsState() == null ? "Generalized" : wanted.getOsState().name(),
        azure.osState());
    difference(
        differences,
        "hyperVGeneration",
        wanted.getHyperVGeneration() == null ? "V1" : wanted.getHyperVGeneration().name(),
        // Azure leaves hyperVGeneration out of definitions made before it existed: those are V1.
        azure.hyperVGeneration() == null ? "V1" : azure.hyperVGeneration());
    GalleryImageVersionSpec.Identifier identifier = wanted.getIdentifier();
    difference(
        differences,
        "identifier",
        identifier.getPublisher() + "/" + identifier.getOffer() + "/" + identifier.getSku(),
        azure.publisher() + "/" + azure.offer() + "/" + azure.sku());
    return differences;
  }

  private static void difference(
      List<String> differences, String field, String wanted, String azure) {
    if (!wanted.equalsIgnoreCase(Objects.toString(azure, ""))) {
      differences.add(field + " " + azure + " (the spec says " + wanted + ")");
    }
  }

  /** The settings of the image definition to create. */
  static ImageDefinitionSettings settings(GalleryImageVersion object, GalleryImageVersionRef ref) {
    GalleryImageVersionSpec.ImageDefinition definition = object.getSpec().getImageDefinition();
    return new ImageDefinitionSettings(
        ref,
        object.getSpec().getAzure().getLocation(),
        definition.getOsType().name(),
        definition.getOsState() == null ? "Generalized" : definition.getOsState().name(),
        definition.getHyperVGeneration() == null ? "V1" : definition.getHyperVGeneration().name(),
        definition.getIdentifier().getPublisher(),
        definition.getIdentifier().getOffer(),
        definition.getIdentifier().getSku());
  }
}
