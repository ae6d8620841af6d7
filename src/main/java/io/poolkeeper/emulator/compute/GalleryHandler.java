package io.poolkeeper.emulator.compute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.arm.ApiVersions;
import io.poolkeeper.emulator.arm.ArmRequest;
import io.poolkeeper.emulator.arm.ArmResource;
import io.poolkeeper.emulator.arm.EmulatorState;
import io.poolkeeper.emulator.arm.LongRunningOperation;
import io.poolkeeper.emulator.arm.ResourceId;
import java.util.Locale;

/**
 * {@code Microsoft.Compute/galleries}: Azure Compute Galleries. A gallery that still holds image
 * definitions cannot be deleted (409 {@code CannotDeleteResource}).
 */
public final class GalleryHandler extends ComputeResourceHandler {

  static final String TYPE = "Microsoft.Compute/galleries";

  public GalleryHandler(EmulatorState state) {
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
