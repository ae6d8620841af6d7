package io.poolkeeper.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Maps the Azure SDK's exceptions to {@link AzureException}: the one place that knows both. */
public final class AzureErrors {

  private static final HttpHeaderName RETRY_AFTER_MS =
      HttpHeaderName.fromString("x-ms-retry-after-ms");

  /** When Azure throttles without saying for how long. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

  private AzureErrors() {}

  /** Runs an SDK call, translating its failure. */
  public static <T> T call(Supplier<T> sdkCall) {
    try {
      return sdkCall.get();
    } catch (AzureException e) {
      throw e;
    } catch (RuntimeException e) {
      throw map(e);
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

  /** Runs an SDK read; a resource Azure does not have is empty rather than an error. */
  public static <T> Optional<T> find(Supplier<T> sdkRead) {
    try {
      return Optional.of(call(sdkRead));
    } catch (AzureException.NotFound e) {
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

  /** The {@link AzureException} for a failure of an SDK call. */
  public static AzureException map(Throwable failure) {
    if (failure instanceof AzureException azure) {
      return azure;
    }
    if (!(failure instanceof HttpResponseException http) || http.getResponse() == null) {
      return new AzureException.Transient(
          0, "", "no answer from Azure: " + describe(failure), failure);
    }
    HttpResponse response = http.getResponse();
    int status = response.getStatusCode();
    String code = "";
    String message = http.getMessage();
    String target = null;
    if (http instanceof ManagementException management && management.getValue() != null) {
      ManagementError error = management.getValue();
      code = error.getCode() == null ? "" : error.getCode();
      message = error.getMessage() == null ? message : error.getMessage();
      target = error.getTarget();
      if (target == null && error.getDetails() != null && !error.getDetails().isEmpty()) {
        target = error.getDetails().get(0).getTarget();
      }
    }
    if (status == 404) {
      return new AzureException.NotFound(code, message, failure);
    }
    if (status == 409 || status == 412) {
      return new AzureException.Conflict(status, code, message, failure);
    }
    if (status == 429) {
      return new AzureException.Throttled(code, message, retryAfter(response), failure);
    }
    if (status >= 500 || status == 408) {
      return new AzureException.Transient(status, code, message, failure);
    }
    return new AzureException.InvalidRequest(status, code, message, target, failure);
  }

  /** Retry-After in seconds (or an HTTP date, which ARM does not send), else a default. */
  static Duration retryAfter(HttpResponse response) {
    String milliseconds = response.getHeaderValue(RETRY_AFTER_MS);
    if (milliseconds != null && milliseconds.matches("\\d+")) {
      return Duration.ofMillis(Long.parseLong(milliseconds));
    }
    String seconds = response.getHeaderValue(HttpHeaderName.RETRY_AFTER);
    if (seconds != null && seconds.trim().matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(seconds.trim()));
    }
    return DEFAULT_RETRY_AFTER;
  }

  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
