package io.poolkeeper.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.net.ssl.SSLHandshakeException;

/** Maps the Azure SDK's exceptions to {@link AzureException}: the one place that knows both. */
public final class AzureErrors {

  private static final HttpHeaderName RETRY_AFTER_MS =
      HttpHeaderName.fromString("x-ms-retry-after-ms");

  /** When Azure throttles without saying for how long. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

  /** The detail in which Batch names the property it refused. */
  private static final String BATCH_PROPERTY_DETAIL = "PropertyName";

  private AzureErrors() {}

  /** Runs an SDK call, translating its failure. */
  public static <T> T call(Supplier<T> sdkCall) {
    try {
      return sdkCall.get();
    } catch (AzureException e) {
      throw e;
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /** Runs an SDK call that returns nothing, translating its failure. */
  public static void run(Runnable sdkCall) {
    call(
        () -> {
          sdkCall.run();
          return null;
        });
  }

  /**
   * Runs an SDK read; a resource Azure does not have is empty rather than an error. A missing
   * parent (resource group, gallery, Batch account) is still an error: it is not the same news.
   */
  public static <T> Optional<T> find(Supplier<T> sdkRead) {
    try {
      return Optional.of(call(sdkRead));
    } catch (AzureException.NotFound e) {
      if (e.parentMissing()) {
        throw e;
      }
      return Optional.empty();
    }
  }

  /** Runs an SDK delete; a resource that is already gone counts as deleted. */
  public static void delete(Runnable sdkDelete) {
    try {
      run(sdkDelete);
    } catch (AzureException.NotFound e) {
      // Nothing left to delete.
    }
  }

  /**
   * The {@link AzureException} for a failure of an SDK call, or the failure itself when it is not
   * about Azure at all (a bug here or in the SDK must not pass for a passing network fault).
   */
  static RuntimeException translate(RuntimeException failure) {
    if (failure instanceof HttpResponseException http && http.getResponse() != null) {
      return map(http);
    }
    if (isNetworkFailure(failure)) {
      return new AzureException.Transient(
          0, "", "no answer from Azure: " + describe(failure), failure);
    }
    return failure;
  }

  /** The {@link AzureException} for an answer Azure gave. */
  static AzureException map(HttpResponseException http) {
    HttpResponse response = http.getResponse();
    int status = response.getStatusCode();
    String code = "";
    String message = http.getMessage();
    String target = null;
    if (http instanceof ManagementException management && management.getValue() != null) {
      ManagementError error = management.getValue();
      code = error.getCode() == null ? "" : error.getCode();
      message = error.getMessage() == null ? message : error.getMessage();
      target = target(error);
    }
    return of(status, code, message, target, retryAfter(response), http);
  }

  /**
   * The {@link AzureException} for an error answer that an adapter read straight off the pipeline
   * (no SDK in between): Azure's code and message from the ARM/Batch error body, the property it
   * names, and Retry-After. Only those reach the exception, never the request (it may hold secrets)
   * nor the values Batch's details echo.
   */
  static AzureException fromResponse(HttpResponse response, String body) {
    int status = response.getStatusCode();
    ManagementError error = null;
    if (body != null && !body.isBlank()) {
      try (JsonReader reader = JsonProviders.createReader(body)) {
        error = ManagementError.fromJson(reader);
      } catch (IOException | RuntimeException e) {
        // Not an ARM error body (a gateway's HTML page, say): the status has to do.
        error = null;
      }
    }
    String code = error == null || error.getCode() == null ? "" : error.getCode();
    String message =
        error == null || error.getMessage() == null
            ? "Azure answered " + status + " to " + response.getRequest().getHttpMethod()
            : error.getMessage();
    return of(
        status, code, message, error == null ? null : target(error), retryAfter(response), null);
  }

  /** The {@link AzureException} for an HTTP status and ARM error body, however they arrived. */
  static AzureException of(
      int status,
      String code,
      String message,
      String target,
      Duration retryAfter,
      Throwable cause) {
    if (status == 404) {
      return new AzureException.NotFound(code, message, cause);
    }
    if (status == 409 || status == 412) {
      return new AzureException.Conflict(status, code, message, cause);
    }
    if (status == 429) {
      return new AzureException.Throttled(code, message, retryAfter, cause);
    }
    if (status >= 500 || status == 408) {
      return new AzureException.Transient(status, code, message, cause);
    }
    return new AzureException.InvalidRequest(status, code, message, target, cause);
  }

  /** ARM's {@code target}, else the property a Batch error names among its details. */
  static String target(ManagementError error) {
    if (error.getTarget() != null && !"BatchAccount".equals(error.getTarget())) {
      return error.getTarget();
    }
    List<? extends ManagementError> details = error.getDetails();
    if (details != null) {
      for (ManagementError detail : details) {
        if (BATCH_PROPERTY_DETAIL.equalsIgnoreCase(detail.getCode())) {
          return detail.getMessage();
        }
      }
      for (ManagementError detail : details) {
        if (detail.getTarget() != null) {
          return detail.getTarget();
        }
      }
    }
    return null;
  }

  /** Retry-After in seconds (or an HTTP date, which ARM does not send), else a default. */
  static Duration retryAfter(HttpResponse response) {
    return askedRetryAfter(response).orElse(DEFAULT_RETRY_AFTER);
  }

  /** How long the response asks the caller to wait, if it asks in a form ARM uses. */
  static Optional<Duration> askedRetryAfter(HttpResponse response) {
    String milliseconds = response.getHeaderValue(RETRY_AFTER_MS);
    if (milliseconds != null && milliseconds.trim().matches("\\d{1,9}")) {
      return Optional.of(Duration.ofMillis(Long.parseLong(milliseconds.trim())));
    }
    String seconds = response.getHeaderValue(HttpHeaderName.RETRY_AFTER);
    if (seconds != null && seconds.trim().matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(seconds.trim())));
    }
    return Optional.empty();
  }

  /**
   * The TLS handshake's complaint when {@code failure} is Azure's certificate being refused (signed
   * by a CA not trusted, a broken signature, another host's name), or empty for any other failure.
   * Waiting never fixes that: only trusting the right CA or naming the right endpoint does.
   */
  public static Optional<String> refusedCertificate(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLHandshakeException handshake && failedASecurityCheck(handshake)) {
        return Optional.of(handshake.getMessage());
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  /** Whether the handshake failed on a certificate check, not on a broken connection. */
  private static boolean failedASecurityCheck(SSLHandshakeException handshake) {
    for (Throwable cause = handshake.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof GeneralSecurityException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /** No answer arrived: the connection failed, broke or timed out. */
  private static boolean isNetworkFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException
          || cause instanceof UncheckedIOException
          || cause instanceof TimeoutException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
