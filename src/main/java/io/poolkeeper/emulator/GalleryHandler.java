package io.poolkeeper.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * {@code Microsoft.Compute/galleries}: Azure Compute Galleries. A gallery that still holds image
 * definitions cannot be deleted (409 {@code CannotDeleteResource}).
 */
final class GalleryHandler extends ComputeResourceHandler {

  static final String TYPE = "Microsoft.Compute/galleries";

  GalleryHandler(EmulatorState state) {
    super(state, TYPE, ApiVersions.GALLERIES, LongRunningOperation.Kind.GALLERY);
  }

  @Override
  ObjectNode buildDocument(ArmRequest request, ResourceId id, ArmResource existing) {
    ObjectNode body = request.bodyObject();
    ObjectNode document = locatedDocument(body);
    ObjectNode properties = requestedProperties(body);
    properties
        .putObject("identifier")
        .put("uniqueName", id.subscriptionId() + "-" + id.name().toUpperCase(Locale.ROOT));
    document.set("properties", properties);
    return document;
  }

  @Override
  void checkDeletable(ArmResource gallery) {
    refuseWhileChildrenExist(gallery, GalleryImageDefinitionHandler.TYPE);
  }
}
