package io.poolkeeper.azure;

/**
 * A long-running Azure operation that Poolkeeper started, and where to ask how it is going. Small
 * and plain so a reconciler can keep it in status between reconciles.
 *
 * @param statusUrl the operation's {@code Azure-AsyncOperation} or {@code Location} URL; empty when
 *     Azure finished the request at once
 * @param polling how that URL answers
 */
public record AzureOperation(String statusUrl, Polling polling) {

  /** How an operation URL tells the operation's state. */
  public enum Polling {
    /** {@code Azure-AsyncOperation}: a body {@code {"status": ..., "error": {...}}}. */
    ASYNC_OPERATION,
    /** {@code Location}: 202 while running, 200 or 204 once done, an ARM error on failure. */
    LOCATION,
    /** Azure answered the request as complete; there is nothing to poll. */
    COMPLETED
  }

  /** An operation Azure finished while answering the request. */
  public static AzureOperation completed() {
    return new AzureOperation("", Polling.COMPLETED);
  }

  public AzureOperation {
    statusUrl = statusUrl == null ? "" : statusUrl;
    if (polling != Polling.COMPLETED && statusUrl.isEmpty()) {
      throw new IllegalArgumentException("an operation to poll needs its status URL");
    }
  }
}
