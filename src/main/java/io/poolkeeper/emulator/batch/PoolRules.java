package io.poolkeeper.emulator.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.emulator.arm.ArmException;
import io.poolkeeper.emulator.arm.ArmRequest;
import io.poolkeeper.emulator.arm.ArmResource;
import io.poolkeeper.emulator.arm.EmulatorJson;
import io.poolkeeper.emulator.arm.ResourceId;
import io.poolkeeper.emulator.arm.ResourceStore;
import io.poolkeeper.emulator.compute.GalleryImageDefinitionHandler;
import io.poolkeeper.emulator.compute.GalleryImageVersionHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What Batch checks in a pool's network, identity and security settings before it takes the pool:
 * the subnet is a subnet resource ID in the account's subscription, user-assigned identities are
 * managed identity resource IDs, and trusted launch matches the image and the VM size. Each refusal
 * is {@code InvalidPropertyValue} (Batch's code for a property value it will not take) naming the
 * property and saying what would be accepted.
 */
final class PoolRules {

  /**
   * The subnet form the 2026-08-01 specification gives for {@code networkConfiguration.subnetId}:
   * {@code /subscriptions/{s}/resourceGroups/{g}/providers/{provider}/virtualNetworks/{v}/subnets
   * /{n}}, the provider being Microsoft.Network (or Microsoft.ClassicNetwork for classic VNets).
   */
  private static final Pattern SUBNET_ID =
      Pattern.compile(
          "^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/"
              + "Microsoft\\.(?:Network|ClassicNetwork)/virtualNetworks/[^/]+/subnets/[^/]+$",
          Pattern.CASE_INSENSITIVE);

  /** The key form of {@code identity.userAssignedIdentities} (BatchPoolIdentity, 2026-08-01). */
  private static final Pattern USER_ASSIGNED_IDENTITY_ID =
      Pattern.compile(
          "^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/"
              + "Microsoft\\.ManagedIdentity/userAssignedIdentities/[^/]+$",
          Pattern.CASE_INSENSITIVE);

  static final String TRUSTED_LAUNCH = "trustedLaunch";
  static final String CONFIDENTIAL_VM = "confidentialVM";

  /**
   * The security types a pool may ask for on an image, by the image definition's {@code
   * SecurityType} feature (Compute gallery API, GalleryImageFeature; Azure docs "Trusted launch for
   * Azure virtual machines", image definitions): {@code TrustedLaunch} and {@code ConfidentialVM}
   * images boot only that way, {@code TrustedLaunchAndConfidentialVmSupported} either way, and the
   * {@code ...Supported} kinds also as standard VMs. A definition without the feature is a standard
   * image and takes no security type.
   */
  private static final Map<String, Set<String>> ALLOWED_BY_IMAGE =
      Map.of(
          "trustedlaunch", Set.of(TRUSTED_LAUNCH),
          "trustedlaunchsupported", Set.of(TRUSTED_LAUNCH),
          "trustedlaunchandconfidentialvmsupported", Set.of(TRUSTED_LAUNCH, CONFIDENTIAL_VM),
          "confidentialvm", Set.of(CONFIDENTIAL_VM),
          "confidentialvmsupported", Set.of(CONFIDENTIAL_VM));

  /** Image security types a VM cannot boot without. */
  private static final Set<String> REQUIRED_BY_IMAGE =
      Set.of("trustedlaunch", "confidentialvm", "trustedlaunchandconfidentialvmsupported");

  private final ArmRequest request;
  private final Instant now;

  PoolRules(ArmRequest request, Instant now) {
    this.request = request;
    this.now = now;
  }

  /** Refuses a subnet that is not a subnet resource ID in the Batch account's subscription. */
  void checkSubnet(ObjectNode properties, ResourceId pool) {
    JsonNode subnet = properties.path("networkConfiguration").get("subnetId");
    if (subnet == null || subnet.isNull()) {
      return;
    }
    String value = subnet.asText();
    if (!subnet.isTextual() || !SUBNET_ID.matcher(value).matches()) {
      throw invalid(
          "subnetId",
          value,
          "The subnet ID must be a subnet resource ID of the form /subscriptions/{subscription}"
              + "/resourceGroups/{group}/providers/Microsoft.Network/virtualNetworks/{network}"
              + "/subnets/{subnet}.");
    }
    if (!ResourceId.parse(value).subscriptionId().equalsIgnoreCase(pool.subscriptionId())) {
      throw invalid(
          "subnetId",
          value,
          "The virtual network must be in the same subscription as the Batch account ("
              + pool.subscriptionId()
              + ").");
    }
  }

  /**
   * The pool identity as Batch stores it: {@code type} in its canonical spelling and the
   * user-assigned identities by resource ID; {@code null} when the request has none. Refuses
   * anything but {@code UserAssigned} with at least one managed identity resource ID, or {@code
   * None} without identities.
   */
  ObjectNode checkedIdentity(JsonNode identity) {
    if (identity == null || identity.isNull()) {
      return null;
    }
    if (!identity.isObject()) {
      throw invalid("identity", identity.toString(), "The identity must be an object.");
    }
    String type = identity.path("type").asText("");
    JsonNode identities = identity.path("userAssignedIdentities");
    ObjectNode stored = EmulatorJson.object();
    if (type.equalsIgnoreCase("None")) {
      if (identities.isObject() && !identities.isEmpty()) {
        throw invalid(
            "userAssignedIdentities",
            identities.toString(),
            "User-assigned identities cannot be given with identity type None.");
      }
      stored.put("type", "None");
      return stored;
    }
    if (!type.equalsIgnoreCase("UserAssigned")) {
      throw invalid(
          "identity.type", type, "The identity type of a pool must be UserAssigned or None.");
    }
    if (!identities.isObject() || identities.isEmpty()) {
      throw invalid(
          "userAssignedIdentities",
          identities.toString(),
          "Identity type UserAssigned needs at least one user-assigned identity.");
    }
    stored.put("type", "UserAssigned");
    ObjectNode keys = stored.putObject("userAssignedIdentities");
    for (Map.Entry<String, JsonNode> entry : identities.properties()) {
      String key = entry.getKey();
      if (!USER_ASSIGNED_IDENTITY_ID.matcher(key).matches()) {
        throw invalid(
            "userAssignedIdentities",
            key,
            "Each user-assigned identity must be a resource ID of the form /subscriptions/"
                + "{subscription}/resourceGroups/{group}/providers/Microsoft.ManagedIdentity"
                + "/userAssignedIdentities/{name}.");
      }
      keys.putObject(key);
    }
    return stored;
  }

  /**
   * The identity as Batch answers it: each user-assigned identity with the principal and client ID
   * of the managed identity (PoolCreate_UserAssignedIdentities, 2026-08-01). The emulator has no
   * managed identities, so the IDs are stable UUIDs derived from the resource ID.
   */
  static ObjectNode identityView(JsonNode stored) {
    ObjectNode view = stored.deepCopy();
    if (view.path("userAssignedIdentities") instanceof ObjectNode identities) {
      for (String key : identities.properties().stream().map(Map.Entry::getKey).toList()) {
        ObjectNode identity = identities.putObject(key);
        String lower = key.toLowerCase(Locale.ROOT);
        identity.put("principalId", stableUuid("principal " + lower));
        identity.put("clientId", stableUuid("client " + lower));
      }
    }
    return view;
  }

  /**
   * Trusted launch and confidential VMs, as Compute decides them for the nodes Batch creates: an
   * image that boots only securely needs the matching {@code securityProfile.securityType}; a
   * security type needs an image that allows it (a Generation 2 gallery image with that {@code
   * SecurityType} feature) and a Gen2-capable VM size; a Generation 2 image needs a Gen2-capable
   * size. Images the emulator does not hold (Marketplace, other subscriptions) are not judged.
   */
  void checkSecurity(ObjectNode properties, ResourceStore store) {
    JsonNode vm = properties.path("deploymentConfiguration").path("virtualMachineConfiguration");
    String vmSize = properties.path("vmSize").asText(null);
    JsonNode securityTypeNode = vm.path("securityProfile").get("securityType");
    String securityType =
        securityTypeNode == null || securityTypeNode.isNull() ? null : securityTypeNode.asText();
    if (securityType != null) {
      if (securityType.equalsIgnoreCase(TRUSTED_LAUNCH)) {
        securityType = TRUSTED_LAUNCH;
      } else if (securityType.equalsIgnoreCase(CONFIDENTIAL_VM)) {
        securityType = CONFIDENTIAL_VM;
      } else {
        throw invalid(
            "securityType",
            securityType,
            "The security type must be trustedLaunch or confidentialVM.");
      }
    }
    VmSizes.Generation2 sizeGeneration = VmSizes.generation2(vmSize);
    if (securityType != null && sizeGeneration == VmSizes.Generation2.GEN1_ONLY) {
      throw invalid(
          "vmSize",
          vmSize,
          "The VM size supports only Generation 1 VMs, and securityType "
              + securityType
              + " needs a Generation 2 VM size; choose a size such as Standard_D4s_v5.");
    }
    ObjectNode definition = imageDefinition(vm.path("imageReference").path("id"), store);
    if (definition == null) {
      return;
    }
    JsonNode definitionProperties = definition.path("properties");
    boolean generation2 =
        definitionProperties.path("hyperVGeneration").asText("V1").equalsIgnoreCase("V2");
    String imageSecurity = imageSecurityType(definitionProperties);
    String image = vm.path("imageReference").path("id").asText();
    if (generation2 && sizeGeneration == VmSizes.Generation2.GEN1_ONLY) {
      throw invalid(
          "vmSize",
          vmSize,
          "The image is a Generation 2 image and the VM size supports only Generation 1 VMs;"
              + " choose a Generation 2 VM size such as Standard_D4s_v5.");
    }
    Set<String> allowed =
        generation2 && imageSecurity != null
            ? ALLOWED_BY_IMAGE.getOrDefault(imageSecurity.toLowerCase(Locale.ROOT), Set.of())
            : Set.of();
    if (securityType == null) {
      if (imageSecurity != null
          && REQUIRED_BY_IMAGE.contains(imageSecurity.toLowerCase(Locale.ROOT))) {
        throw invalid(
            "securityProfile",
            image,
            "The image definition has SecurityType "
                + imageSecurity
                + "; set deploymentConfiguration.virtualMachineConfiguration.securityProfile"
                + ".securityType to "
                + String.join(" or ", allowed.stream().sorted().toList())
                + " to use it.");
      }
      return;
    }
    if (!allowed.contains(securityType)) {
      throw invalid(
          "securityProfile",
          securityType,
          "The image "
              + image
              + " does not support securityType "
              + securityType
              + (generation2
                  ? "; its image definition has SecurityType "
                      + (imageSecurity == null ? "Standard" : imageSecurity)
                      + "."
                  : "; it is a Generation 1 image.")
              + " Use an image definition whose SecurityType feature allows it.");
    }
  }

  /** The gallery image definition behind a pool's image ID, or {@code null} if not held here. */
  private static ObjectNode imageDefinition(JsonNode imageId, ResourceStore store) {
    if (!imageId.isTextual()) {
      return null;
    }
    ResourceId id;
    try {
      id = ResourceId.parse(imageId.asText());
    } catch (IllegalArgumentException e) {
      return null;
    }
    ResourceId definition;
    if (id.type().equalsIgnoreCase(GalleryImageVersionHandler.TYPE)) {
      definition = id.parent();
    } else if (id.type().equalsIgnoreCase(GalleryImageDefinitionHandler.TYPE)) {
      definition = id;
    } else {
      return null;
    }
    return store.find(definition).map(ArmResource::document).orElse(null);
  }

  private static String imageSecurityType(JsonNode definitionProperties) {
    for (JsonNode feature : definitionProperties.path("features")) {
      if (feature.path("name").asText().equalsIgnoreCase("SecurityType")) {
        return feature.path("value").asText(null);
      }
    }
    return null;
  }

  private static String stableUuid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private ArmException invalid(String property, String value, String reason) {
    return BatchErrors.invalidPropertyValue(property, value, reason, request, now);
  }
}
