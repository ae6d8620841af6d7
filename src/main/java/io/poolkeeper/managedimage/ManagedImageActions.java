package io.poolkeeper.managedimage;

import io.poolkeeper.azure.ManagedImageService.ManagedImageDefinition;
import java.util.Map;

/** What the ManagedImage decision asks the reconciler to do in Azure and Kubernetes. */
sealed interface ManagedImageActions {

  /** Start creating the image. */
  record CreateImage(ManagedImageDefinition definition) implements ManagedImageActions {}

  /** Start a PATCH of the image's tags. */
  record UpdateTags(Map<String, String> tags) implements ManagedImageActions {}

  /** Start deleting the image. */
  record DeleteImage() implements ManagedImageActions {}

  /** Put Poolkeeper's CanNotDelete lock on the image. */
  record PutLock(String notes) implements ManagedImageActions {}

  /** Remove Poolkeeper's lock from the image. */
  record RemoveLock() implements ManagedImageActions {}
}
