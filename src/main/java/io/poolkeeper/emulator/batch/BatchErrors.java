package io.poolkeeper.emulator.batch;

import io.poolkeeper.emulator.arm.ArmException;
import io.poolkeeper.emulator.arm.ArmRequest;
import io.poolkeeper.emulator.arm.Timestamps;
import java.time.Instant;
import java.util.List;

/**
 * Errors in the Batch resource provider's wording: a sentence, then the request ID and time on
 * their own lines, and {@code target} BatchAccount (as recorded from Azure).
 */
final class BatchErrors {

  private static final String TARGET = "BatchAccount";

  private BatchErrors() {}

  static ArmException accountNotFound(ArmRequest request, Instant now) {
    return error(404, "AccountNotFound", "The specified account does not exist.", request, now);
  }

  static ArmException poolNotFound(ArmRequest request, Instant now) {
    return error(404, "PoolNotFound", "The specified pool does not exist.", request, now);
  }

  static ArmException poolBeingDeleted(ArmRequest request, Instant now) {
    return error(
        409,
        "PoolBeingDeleted",
        "The specified pool has been marked for deletion and is being reclaimed.",
        request,
        now);
  }

  /** Code and wording of Batch's "Batch Status and Error Codes" table (409 Conflict). */
  static ArmException poolBeingResized(ArmRequest request, Instant now) {
    return error(409, "PoolBeingResized", "The specified pool is being resized", request, now);
  }

  static ArmException conditionNotMet(ArmRequest request, Instant now) {
    return error(
        412,
        "ConditionNotMet",
        "The condition specified using HTTP conditional header(s) is not met.",
        request,
        now);
  }

  static ArmException invalidPropertyValue(
      String property, String value, String reason, ArmRequest request, Instant now) {
    return new ArmException(
        400,
        "InvalidPropertyValue",
        withRequestId(
            "The value provided for one of the properties in the request body is invalid.",
            request,
            now),
        TARGET,
        List.of(
            new ArmException.Detail("PropertyName", property),
            new ArmException.Detail("PropertyValue", value),
            new ArmException.Detail("Reason", reason)));
  }

  /**
   * A pool property that cannot change in place, in Batch's wording (Azure/Batch issue 85 and
   * Azure/azure-sdk-for-net issue 40325 show the body: this sentence, target BatchAccount, and
   * details Reason, PropertyName and PropertyPath). The Reason detail adds what to do instead.
   */
  static ArmException propertyCannotBeUpdated(
      String property, String whatToDo, ArmRequest request, Instant now) {
    String sentence = "A property that cannot be updated was specified as part of the request.";
    return new ArmException(
        400,
        "PropertyCannotBeUpdated",
        withRequestId(sentence, request, now),
        TARGET,
        List.of(
            new ArmException.Detail("Reason", sentence + " " + whatToDo),
            new ArmException.Detail("PropertyName", property),
            new ArmException.Detail("PropertyPath", "properties." + property)));
  }

  static ArmException missingRequiredProperty(String property, ArmRequest request, Instant now) {
    return new ArmException(
        400,
        "MissingRequiredProperty",
        withRequestId("A required property was not specified in the request body.", request, now),
        TARGET,
        List.of(new ArmException.Detail("PropertyName", property)));
  }

  static ArmException invalidQueryParameterValue(
      String parameter, String value, String reason, ArmRequest request, Instant now) {
    return new ArmException(
        400,
        "InvalidQueryParameterValue",
        withRequestId(
            "Value for one of the query parameters specified in the request URI is invalid.",
            request,
            now),
        TARGET,
        List.of(
            new ArmException.Detail("QueryParameterName", parameter),
            new ArmException.Detail("QueryParameterValue", value),
            new ArmException.Detail("Reason", reason)));
  }

  private static ArmException error(
      int status, String code, String sentence, ArmRequest request, Instant now) {
    return new ArmException(status, code, withRequestId(sentence, request, now), TARGET, List.of());
  }

  private static String withRequestId(String sentence, ArmRequest request, Instant now) {
    return sentence + "\nRequestId:" + request.requestId() + "\nTime:" + Timestamps.batch(now);
  }
}
