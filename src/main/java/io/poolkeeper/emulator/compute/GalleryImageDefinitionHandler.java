package io.poolkeeper.emulator.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.arm.ApiVersions;
import io.poolkeeper.emulator.arm.ArmErrors;
import io.poolkeeper.emulator.arm.ArmRequest;
import io.poolkeeper.emulator.arm.ArmResource;
import io.poolkeeper.emulator.arm.EmulatorState;
import io.poolkeeper.emulator.arm.LongRunningOperation;
import io.poolkeeper.emulator.arm.ResourceId;
import java.util.List;

/**
 * {@code Microsoft.Compute/galleries/images}: image definitions (OS type and state, Hyper-V
 * generation, publisher/offer/sku). Those four cannot change once set; a definition that still has
 * versions cannot be deleted (409 {@code CannotDeleteResource}).
 */
public final class GalleryImageDefinitionHandler extends ComputeResourceHandler {

  public static final String TYPE = "Microsoft.Compute/galleries/images";
  private static final List<String> IMMUTABLE =
      List.of("osType", "osState", "hyperVGeneration", "identifier");

  public GalleryImageDefinitionHandler(EmulatorState state) {
    super(state, TYPE, ApiVersions.GALLERIES, LongRunningOperation.Kind.GALLERY);
  }

  @Override
  ObjectNode buildDocument(ArmRequest request, ResourceId id, ArmResource existing) {
    ObjectNode body = request.bodyObject();
    ObjectNode document = locatedDocument(body);
    ObjectNode properties = requestedProperties(body);
    for (String required : List.of("osType", "osState", "identifier")) {
      if (!properties.hasNonNull(required)) {
        throw ArmErrors.invalidParameter(
            required, "Required parameter '" + required + "' is missing (null).");
      }
    }
    putIfAbsent(properties, "hyperVGeneration", "V1");
    putIfAbsent(properties, "architecture", "x64");
    if (existing != null) {
      JsonNode before = existing.document().path("properties");
      for (String field : IMMUTABLE) {
        if (!before.path(field).equals(properties.path(field))) {
          throw ArmErrors.propertyChangeNotAllowed(field);
        }
      }
    }
    document.set("properties", properties);
    return document;
  }

  @Override
  void checkDeletable(ArmResource definition) {
    refuseWhileChildrenExist(definition, GalleryImageVersionHandler.TYPE);
  }
}
