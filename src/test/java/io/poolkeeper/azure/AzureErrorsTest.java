package io.poolkeeper.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which Azure answers become which {@link AzureException}. */
class AzureErrorsTest {

  @Test
  void notFoundIsNotFound() {
    AzureException error = AzureErrors.map(armError(404, "ResourceNotFound", new HttpHeaders()));

    assertThat(error).isInstanceOf(AzureException.NotFound.class);
    assertThat(error.code()).isEqualTo("ResourceNotFound");
  }

  @Test
  void scopeLockedIsAConflictThatSaysSo() {
    AzureException error = AzureErrors.map(armError(409, "ScopeLocked", new HttpHeaders()));

    assertThat(error)
        .isInstanceOfSatisfying(
            AzureException.Conflict.class, conflict -> assertThat(conflict.scopeLocked()).isTrue());
  }

  @Test
  void nestedResourcesAreAConflictButNotALock() {
    AzureException error =
        AzureErrors.map(armError(409, "CannotDeleteResource", new HttpHeaders()));

    assertThat(error)
        .isInstanceOfSatisfying(
            AzureException.Conflict.class,
            conflict -> assertThat(conflict.scopeLocked()).isFalse());
  }

  @Test
  void preconditionFailedIsAConflict() {
    assertThat(AzureErrors.map(armError(412, "ConditionNotMet", new HttpHeaders())))
        .isInstanceOf(AzureException.Conflict.class);
  }

  @Test
  void throttlingCarriesRetryAfter() {
    HttpHeaders headers = new HttpHeaders().set(HttpHeaderName.RETRY_AFTER, "17");

    AzureException error = AzureErrors.map(armError(429, "TooManyRequests", headers));

    assertThat(error)
        .isInstanceOfSatisfying(
            AzureException.Throttled.class,
            throttled -> assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(17)));
  }

  @Test
  void throttlingWithoutRetryAfterWaitsTheDefault() {
    AzureException error = AzureErrors.map(armError(429, "TooManyRequests", new HttpHeaders()));

    assertThat(((AzureException.Throttled) error).retryAfter())
        .isEqualTo(AzureErrors.DEFAULT_RETRY_AFTER);
  }

  @Test
  void badRequestIsAnInvalidRequestWithCodeAndMessage() {
    AzureException error =
        AzureErrors.map(armError(400, "InvalidPropertyValue", new HttpHeaders()));

    assertThat(error).isInstanceOf(AzureException.InvalidRequest.class);
    assertThat(error.code()).isEqualTo("InvalidPropertyValue");
    assertThat(error.getMessage()).isEqualTo("InvalidPropertyValue happened");
  }

  @Test
  void forbiddenNeedsAPersonSoItIsAnInvalidRequest() {
    assertThat(AzureErrors.map(armError(403, "AuthorizationFailed", new HttpHeaders())))
        .isInstanceOf(AzureException.InvalidRequest.class);
  }

  @Test
  void serverErrorsAndBrokenConnectionsAreTransient() {
    assertThat(AzureErrors.map(armError(503, "ServiceUnavailable", new HttpHeaders())))
        .isInstanceOf(AzureException.Transient.class);
    assertThat(
            AzureErrors.translate(
                new UncheckedIOException(new java.io.IOException(new ConnectException("refused")))))
        .isInstanceOf(AzureException.Transient.class)
        .hasMessageContaining("ConnectException: refused");
    assertThat(
            AzureErrors.translate(
                new IllegalStateException(new java.util.concurrent.TimeoutException("slow"))))
        .isInstanceOf(AzureException.Transient.class);
  }

  @Test
  void aBugIsNotMistakenForAnAzureFault() {
    NullPointerException bug = new NullPointerException("inner was null");
    IllegalArgumentException badArgument = new IllegalArgumentException("no such enum value");

    assertThat(AzureErrors.translate(bug)).isSameAs(bug);
    assertThat(AzureErrors.translate(badArgument)).isSameAs(badArgument);
    assertThatThrownBy(
            () ->
                AzureErrors.call(
                    () -> {
                      throw bug;
                    }))
        .isSameAs(bug);
  }

  @Test
  void aConflictSaysWhetherWaitingHelps() {
    assertThat(conflict(412, "ConditionNotMet").kind())
        .isEqualTo(AzureException.Conflict.Kind.ETAG_MISMATCH);
    assertThat(conflict(409, "PoolBeingDeleted").kind())
        .isEqualTo(AzureException.Conflict.Kind.BEING_DELETED);
    assertThat(conflict(409, "PoolBeingResized").kind())
        .isEqualTo(AzureException.Conflict.Kind.RESIZE_IN_PROGRESS);
    assertThat(conflict(409, "AnotherOperationInProgress").kind())
        .isEqualTo(AzureException.Conflict.Kind.OPERATION_IN_PROGRESS);
    assertThat(conflict(409, "CannotDeleteResource").kind())
        .isEqualTo(AzureException.Conflict.Kind.HAS_CHILDREN);
    assertThat(conflict(409, "PropertyChangeNotAllowed").kind())
        .isEqualTo(AzureException.Conflict.Kind.PROPERTY_CANNOT_CHANGE);
    assertThat(conflict(409, "scopelocked").kind())
        .isEqualTo(AzureException.Conflict.Kind.SCOPE_LOCKED);

    assertThat(conflict(412, "ConditionNotMet").waitingHelps()).isTrue();
    assertThat(conflict(409, "PoolBeingDeleted").waitingHelps()).isTrue();
    assertThat(conflict(409, "PoolNotSteady").waitingHelps()).isTrue();
    assertThat(conflict(409, "CannotDeleteResource").waitingHelps()).isFalse();
    assertThat(conflict(409, "PropertyChangeNotAllowed").waitingHelps()).isFalse();
    assertThat(conflict(409, "ScopeLocked").waitingHelps()).isFalse();
    assertThat(conflict(409, "SomethingNew").waitingHelps()).isFalse();
  }

  @Test
  void aMissingParentIsToldApartFromAMissingResource() {
    assertThat(notFound("ResourceNotFound").parentMissing()).isFalse();
    assertThat(notFound("PoolNotFound").parentMissing()).isFalse();
    assertThat(notFound("ParentResourceNotFound").parentMissing()).isTrue();
    assertThat(notFound("ResourceGroupNotFound").parentMissing()).isTrue();
    assertThat(notFound("SubscriptionNotFound").parentMissing()).isTrue();
    assertThat(notFound("AccountNotFound").parentMissing()).isTrue();
  }

  @Test
  void theBatchPropertyNameDetailBecomesTheTarget() {
    // Batch names the refused property in a detail, with target "BatchAccount" (as recorded).
    ManagementError error =
        error(
            """
            {"code": "InvalidPropertyValue", "target": "BatchAccount",
             "message": "The value provided for one of the properties in the request body is invalid.",
             "details": [{"code": "PropertyName", "message": "resizeTimeout"},
                         {"code": "PropertyValue", "message": "PT1M"},
                         {"code": "Reason", "message": "less than the minimum of 5 minutes"}]}
            """);

    AzureException mapped =
        AzureErrors.map(
            new ManagementException("bad", new BodilessResponse(400, new HttpHeaders()), error));

    assertThat(mapped)
        .isInstanceOfSatisfying(
            AzureException.InvalidRequest.class,
            invalid -> assertThat(invalid.target()).contains("resizeTimeout"));
  }

  @Test
  void armsOwnTargetIsKept() {
    ManagementError error =
        error(
            """
            {"code": "InvalidParameter", "target": "storageProfile", "message": "bad disk"}
            """);

    AzureException mapped =
        AzureErrors.map(
            new ManagementException("bad", new BodilessResponse(400, new HttpHeaders()), error));

    assertThat(((AzureException.InvalidRequest) mapped).target()).contains("storageProfile");
  }

  private static AzureException.Conflict conflict(int status, String code) {
    return (AzureException.Conflict) AzureErrors.map(armError(status, code, new HttpHeaders()));
  }

  private static AzureException.NotFound notFound(String code) {
    return (AzureException.NotFound) AzureErrors.map(armError(404, code, new HttpHeaders()));
  }

  private static ManagementError error(String json) {
    try (JsonReader reader = JsonProviders.createReader(json)) {
      return ManagementError.fromJson(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ManagementException armError(int status, String code, HttpHeaders headers) {
    return new ManagementException(
        "Status code " + status,
        new BodilessResponse(status, headers),
        new ManagementError(code, code + " happened"));
  }

  @Test
  void aBatchErrorReadOffThePipelineNamesThePropertyAndNotItsValue() {
    // The emulator's and Batch's InvalidPropertyValue: details PropertyName, PropertyValue, Reason.
    String body =
        "{\"error\":{\"code\":\"InvalidPropertyValue\",\"message\":\"The value provided for"
            + " one of the properties in the request body is invalid.\",\"target\":\"BatchAccount\","
            + "\"details\":[{\"code\":\"PropertyName\",\"message\":\"userAccounts\"},"
            + "{\"code\":\"PropertyValue\",\"message\":\"s3cret\"},"
            + "{\"code\":\"Reason\",\"message\":\"too short\"}]}}";

    AzureException error =
        AzureErrors.fromResponse(new BodilessResponse(400, new HttpHeaders()), body);

    assertThat(error)
        .isInstanceOfSatisfying(
            AzureException.InvalidRequest.class,
            invalid -> {
              assertThat(invalid.code()).isEqualTo("InvalidPropertyValue");
              assertThat(invalid.target()).contains("userAccounts");
              assertThat(invalid.getMessage()).doesNotContain("s3cret");
            });
  }

  @Test
  void aThrottledAnswerReadOffThePipelineKeepsItsRetryAfter() {
    AzureException error =
        AzureErrors.fromResponse(
            new BodilessResponse(429, new HttpHeaders().set(HttpHeaderName.RETRY_AFTER, "17")),
            "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}");

    assertThat(error)
        .isInstanceOfSatisfying(
            AzureException.Throttled.class,
            throttled -> assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(17)));
  }

  @Test
  void anAnswerWithoutAnArmErrorBodyStillMapsByStatus() {
    AzureException error =
        AzureErrors.fromResponse(
            new BodilessResponse(502, new HttpHeaders()), "<html>bad gateway</html>");

    assertThat(error).isInstanceOf(AzureException.Transient.class);
    assertThat(error.code()).isEmpty();
  }
}
