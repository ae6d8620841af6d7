package io.poolkeeper.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.Context;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Notes where Azure says a long-running operation can be followed. The SDK's pollers keep the
 * operation URL to themselves, and a reconciler must not hold a poller (it would hold a thread), so
 * this policy reads {@code Azure-AsyncOperation} or {@code Location} off the answer to a request
 * that asked for it through its {@link Context}.
 */
final class OperationCapture implements HttpPipelinePolicy {

  private static final String KEY = "poolkeeper.azure-operation";
  private static final HttpHeaderName ASYNC_OPERATION =
      HttpHeaderName.fromString("Azure-AsyncOperation");

  /** What one call learned; {@link #operation()} after the call returned. */
  static final class Capture {
    private final AtomicReference<AzureOperation> operation = new AtomicReference<>();

    Context context() {
      return new Context(KEY, this);
    }

    /** The operation the last answer named, or a completed one if it named none. */
    AzureOperation operation() {
      AzureOperation captured = operation.get();
      return captured == null ? AzureOperation.completed() : captured;
    }
  }

  /**
   * Sends the first request of a long-running SDK call (its poller is dropped unpolled) and returns
   * the operation Azure named in the answer.
   */
  static AzureOperation start(Function<Context, ?> sdkCall) {
    Capture capture = new Capture();
    AzureErrors.call(() -> sdkCall.apply(capture.context()));
    return capture.operation();
  }

  /** {@link #start} for a delete: a resource that is already gone is deleted. */
  static AzureOperation startDelete(Function<Context, ?> sdkCall) {
    try {
      return start(sdkCall);
    } catch (AzureException.NotFound e) {
      return AzureOperation.completed();
    }
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    return next.process().doOnNext(response -> record(context, response));
  }

  @Override
  public HttpResponse processSync(
      HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    HttpResponse response = next.processSync();
    record(context, response);
    return response;
  }

  private static void record(HttpPipelineCallContext context, HttpResponse response) {
    context
        .getData(KEY)
        .filter(Capture.class::isInstance)
        .map(Capture.class::cast)
        .ifPresent(capture -> capture.operation.set(operationOf(response)));
  }

  static AzureOperation operationOf(HttpResponse response) {
    if (response.getStatusCode() >= 300) {
      return null;
    }
    String asyncOperation = response.getHeaderValue(ASYNC_OPERATION);
    if (asyncOperation != null && !asyncOperation.isBlank()) {
      return new AzureOperation(asyncOperation, AzureOperation.Polling.ASYNC_OPERATION);
    }
    String location = response.getHeaderValue(HttpHeaderName.LOCATION);
    if (response.getStatusCode() == 202 && location != null && !location.isBlank()) {
      return new AzureOperation(location, AzureOperation.Polling.LOCATION);
    }
    return AzureOperation.completed();
  }
}
