package io.poolkeeper.galleryimageversion;

import io.poolkeeper.azure.GalleryService.ImageDefinitionSettings;
import io.poolkeeper.azure.GalleryService.ImageVersionDefinition;
import io.poolkeeper.azure.GalleryService.ImageVersionUpdate;

/** What the GalleryImageVersion decision asks the reconciler to do in Azure. */
sealed interface GalleryImageVersionActions {

  /** Start creating the gallery (it never gets deleted). */
  record CreateGallery(String location) implements GalleryImageVersionActions {}

  /** Start creating the image definition (it never gets deleted). */
  record CreateImageDefinition(ImageDefinitionSettings settings)
      implements GalleryImageVersionActions {}

  /** Start creating the version. */
  record CreateVersion(ImageVersionDefinition definition) implements GalleryImageVersionActions {}

  /** Start one PATCH of what differs in the version. */
  record UpdateVersion(ImageVersionUpdate update) implements GalleryImageVersionActions {}

  /** Start deleting the version. */
  record DeleteVersion() implements GalleryImageVersionActions {}

  /** Put Poolkeeper's CanNotDelete lock on the version. */
  record PutLock(String notes) implements GalleryImageVersionActions {}

  /** Remove Poolkeeper's lock from the version. */
  record RemoveLock() implements GalleryImageVersionActions {}
}
