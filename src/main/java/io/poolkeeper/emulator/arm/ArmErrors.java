package io.poolkeeper.emulator.arm;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The errors Azure Resource Manager itself answers with, in its own wording. */
public final class ArmErrors {

  private ArmErrors() {}

  static ArmException authenticationMissing() {
    return new ArmException(
            401,
            "AuthenticationFailed",
            "Authentication failed. The 'Authorization' header is missing.")
        .withHeader(
            "WWW-Authenticate",
            "Bearer authorization_uri=\"https://login.microsoftonline.com/common\", "
                + "error=\"invalid_token\", error_description=\"The authentication failed "
                + "because of missing 'Authorization' header.\"");
  }

  static ArmException invalidAuthenticationToken() {
    return new ArmException(
        401,
        "InvalidAuthenticationToken",
        "The access token is invalid. The 'Authorization' header must carry a bearer token.");
  }

  static ArmException subscriptionNotFound(String subscriptionId) {
    return new ArmException(
        404,
        "SubscriptionNotFound",
        "The subscription '" + subscriptionId + "' could not be found.");
  }

  static ArmException resourceGroupNotFound(String resourceGroup) {
    return new ArmException(
        404, "ResourceGroupNotFound", "Resource group '" + resourceGroup + "' could not be found.");
  }

  static ArmException resourceGroupBeingDeleted(String resourceGroup) {
    return new ArmException(
        409,
        "ResourceGroupBeingDeleted",
        "The resource group '"
            + resourceGroup
            + "' is in deprovisioning state and cannot perform this operation.");
  }

  public static ArmException resourceNotFound(ResourceId id) {
    return new ArmException(
        404,
        "ResourceNotFound",
        "The Resource '"
            + id.namespace()
            + "/"
            + typeAndNames(id)
            + "' under resource group '"
            + id.resourceGroup()
            + "' was not found. For more details please go to"
            + " https://aka.ms/ARMResourceNotFoundFix");
  }

  /** A nested resource whose parent is missing; {@code action} is read, write or delete. */
  public static ArmException parentResourceNotFound(
      String childType, ResourceId parent, String action) {
    return new ArmException(
        404,
        "ParentResourceNotFound",
        "Failed to perform '"
            + action
            + "' on resource(s) of type '"
            + childType
            + "', because the parent resource '"
            + parent
            + "' could not be found.");
  }

  static ArmException missingApiVersion() {
    return new ArmException(
        400,
        "MissingApiVersionParameter",
        "The api-version query parameter (?api-version=) is required for all requests.");
  }

  /**
   * What ARM says for an api-version of its own endpoints (resource groups) it does not know:
   * versions newest first, separated by commas alone (as in Azure/azure-cli issue 28038 and
   * hashicorp/vault-plugin-secrets-azure issue 13).
   */
  static ArmException invalidApiVersion(String apiVersion, Collection<String> supported) {
    return new ArmException(
        400,
        "InvalidApiVersionParameter",
        "The api-version '"
            + apiVersion
            + "' is invalid. The supported versions are '"
            + String.join(",", supported.stream().sorted(Comparator.reverseOrder()).toList())
            + "'.");
  }

  /**
   * What ARM says when no resource provider serves a type at the requested api-version: versions
   * oldest first, then the provider's locations (as in Azure/azure-cli issue 28496 and
   * pulumi/pulumi-azure-nextgen issue 170).
   */
  static ArmException noRegisteredProvider(
      String location, String apiVersion, String type, Collection<String> supported) {
    return new ArmException(
        400,
        "NoRegisteredProviderFound",
        "No registered resource provider found for location '"
            + location
            + "' and API version '"
            + apiVersion
            + "' for type '"
            + type
            + "'. The supported api-versions are '"
            + String.join(", ", supported.stream().sorted().toList())
            + "'. The supported locations are '"
            + String.join(", ", AzureRegions.programmaticNames())
            + "'.");
  }

  static ArmException invalidResourceType(String namespace, String type, String apiVersion) {
    return new ArmException(
        400,
        "InvalidResourceType",
        "The resource type '"
            + type
            + "' could not be found in the namespace '"
            + namespace
            + "' for api version '"
            + apiVersion
            + "'.");
  }

  static ArmException pathNotFound(String path) {
    return new ArmException(
        404, "NotFound", "The Azure emulator does not serve the path '" + path + "'.");
  }

  public static ArmException methodNotAllowed(String method, String type) {
    return new ArmException(
        405,
        "MethodNotAllowed",
        "The requested resource of type '"
            + type
            + "' does not support http method '"
            + method
            + "'.");
  }

  public static ArmException invalidRequestContent(String reason) {
    return new ArmException(
        400,
        "InvalidRequestContent",
        "The request content was invalid and could not be deserialized: '" + reason + "'.");
  }

  static ArmException locationRequired() {
    return new ArmException(
        400, "LocationRequired", "The location property is required for this definition.");
  }

  /** A delete (or, for ReadOnly locks, a write) blocked by management locks. */
  static ArmException scopeLocked(ResourceId target, String operation, List<String> lockScopes) {
    return new ArmException(
        409,
        "ScopeLocked",
        "The scope '"
            + target
            + "' cannot perform "
            + operation
            + " operation because following scope(s) are locked: '"
            + String.join(",", lockScopes)
            + "'. Please remove the lock and try again.");
  }

  /** Compute's answer when a resource named in the request (a snapshot, a VM...) is missing. */
  public static ArmException referencedResourceNotFound(ResourceId id) {
    return new ArmException(404, "NotFound", "Resource " + id.name() + " is not found.");
  }

  public static ArmException cannotDeleteWithNestedResources(ResourceId nested) {
    return new ArmException(
        409,
        "CannotDeleteResource",
        "Cannot delete resource while nested resources exist. Some existing nested resource IDs"
            + " include: '"
            + nested
            + "'. Please delete all nested resources before deleting this resource.");
  }

  public static ArmException propertyChangeNotAllowed(String property) {
    return new ArmException(
        409,
        "PropertyChangeNotAllowed",
        "Changing property '" + property + "' is not allowed.",
        property,
        List.of());
  }

  public static ArmException invalidParameter(String property, String message) {
    return new ArmException(400, "InvalidParameter", message, property, List.of());
  }

  // Tag errors: ARM's codes and wording as the Az.Migrate cmdlets of Azure/azure-powershell repeat
  // them (src/Migrate/Migrate.Autorest/custom/New-AzMigrateServerReplication.ps1); the value
  // message
  // as ARM answered it in Azure-Samples/azure-search-openai-demo issue 1997 (two spaces after the
  // first sentence); the reserved-characters message as the Azure CLI docs show it (MicrosoftDocs
  // azure-docs-cli, "Write Azure CLI commands for both Bash and PowerShell").

  static ArmException tooManyTags(int count, int maximum) {
    return new ArmException(
        400,
        "InvalidTags",
        "Too many tags specified. Requested tag count - '"
            + count
            + "'. Maximum number of tags allowed - '"
            + maximum
            + "'.");
  }

  static ArmException emptyTagName() {
    return new ArmException(
        400,
        "InvalidTagName",
        "The tag name must be non-null, non-empty and non-whitespace only. Please provide an actual"
            + " value.");
  }

  static ArmException tagNameCharacters(List<String> names) {
    return new ArmException(
        400,
        "InvalidTagNameCharacters",
        "The tag names '"
            + String.join(", ", names)
            + "' have reserved characters '<,>,%,&,\\,?,/' or control characters.");
  }

  static ArmException tagNameTooLong(List<String> names, int maximum) {
    return new ArmException(
        400,
        "InvalidTagName",
        "Tag key too large. Following tag name '"
            + String.join(", ", names)
            + "' exceeded the maximum length. Maximum allowed length for tag name - '"
            + maximum
            + "' characters.");
  }

  static ArmException tagValueTooLong(List<String> values, int maximum) {
    return new ArmException(
        400,
        "InvalidTagValueLength",
        "Tag value too large.  Following tag value '"
            + String.join(", ", values)
            + "' exceeded the maximum length. Maximum allowed length for tag value - '"
            + maximum
            + "' characters.");
  }

  private static String typeAndNames(ResourceId id) {
    String[] types = id.typeWithoutNamespace().split("/");
    StringBuilder result = new StringBuilder();
    ResourceId[] chain = id.scopesFromSubscription().toArray(ResourceId[]::new);
    // The resource-level scopes are the last types.length entries of the chain.
    int first = chain.length - types.length;
    for (int i = 0; i < types.length; i++) {
      if (i > 0) {
        result.append('/');
      }
      result.append(types[i]).append('/').append(chain[first + i].name());
    }
    return result.toString();
  }
}
