package io.poolkeeper.emulator;

/**
 * A fault the emulator injects into matching ARM requests: an error response (status, code,
 * message, and {@code Retry-After} for 429), added latency, or both.
 *
 * @param method the HTTP method to match, or {@code null}/{@code "*"} for any
 * @param resourceType the resource type to match as the request counters name it (for example
 *     {@code Microsoft.Batch/batchAccounts/pools}), or {@code null}/{@code "*"} for any
 * @param rate the probability (0 to 1) that a matching request fails; 1 fails every one
 * @param status the HTTP status of the injected error, or 0 for a latency-only rule
 * @param code the error code; defaults to {@code TooManyRequests} for 429 and {@code
 *     InternalServerError} otherwise
 * @param message the error message; a default in ARM's wording is used when {@code null}
 * @param retryAfterSeconds the {@code Retry-After} header of the error, if any
 * @param latencyMillis real milliseconds added to every matching request
 * @param times how many more requests this rule may fail; {@code null} for no limit
 * @param cutOff whether a matching request is carried out and then the connection is closed before
 *     any response: the client cannot know whether its write happened, as when a proxy or the
 *     network drops a connection
 */
public record FaultRule(
    String method,
    String resourceType,
    double rate,
    int status,
    String code,
    String message,
    Integer retryAfterSeconds,
    long latencyMillis,
    Integer times,
    boolean cutOff) {

  public FaultRule(
      String method,
      String resourceType,
      double rate,
      int status,
      String code,
      String message,
      Integer retryAfterSeconds,
      long latencyMillis,
      Integer times) {
    this(
        method,
        resourceType,
        rate,
        status,
        code,
        message,
        retryAfterSeconds,
        latencyMillis,
        times,
        false);
  }

  public FaultRule {
    if (rate < 0 || rate > 1) {
      throw new IllegalArgumentException("rate must be between 0 and 1, was " + rate);
    }
    if (status != 0 && (status < 400 || status > 599)) {
      throw new IllegalArgumentException("status must be 0 or an error status, was " + status);
    }
    if (latencyMillis < 0) {
      throw new IllegalArgumentException("latencyMillis must not be negative");
    }
    if (status == 0 && latencyMillis == 0 && !cutOff) {
      throw new IllegalArgumentException("a fault needs an error status, a latency or cutOff");
    }
    if (status != 0 && cutOff) {
      throw new IllegalArgumentException("a fault either answers an error status or cuts off");
    }
    if (code == null && status != 0) {
      code = status == 429 ? "TooManyRequests" : "InternalServerError";
    }
  }

  /** Every matching request answers 429 with {@code Retry-After}, {@code times} times. */
  public static FaultRule throttle(
      String method, String resourceType, int retryAfterSeconds, Integer times) {
    return new FaultRule(method, resourceType, 1, 429, null, null, retryAfterSeconds, 0, times);
  }

  /** A share ({@code rate}) of matching requests answers {@code status} with {@code code}. */
  public static FaultRule error(
      String method, String resourceType, double rate, int status, String code) {
    return new FaultRule(method, resourceType, rate, status, code, null, null, 0, null);
  }

  /**
   * A share ({@code rate}) of matching requests is carried out, and then the connection closes
   * without a response.
   */
  public static FaultRule cutOff(String method, String resourceType, double rate) {
    return new FaultRule(method, resourceType, rate, 0, null, null, null, 0, null, true);
  }

  /** A share ({@code rate}) of matching requests takes {@code latencyMillis} longer. */
  public static FaultRule slow(
      String method, String resourceType, double rate, long latencyMillis) {
    return new FaultRule(method, resourceType, rate, 0, null, null, null, latencyMillis, null);
  }

  /** Whether this rule's outcome (an error or a cut-off connection) replaces the response. */
  public boolean replacesResponse() {
    return status != 0 || cutOff;
  }

  /** Matching requests take {@code latencyMillis} longer. */
  public static FaultRule latency(String method, String resourceType, long latencyMillis) {
    return new FaultRule(method, resourceType, 1, 0, null, null, null, latencyMillis, null);
  }

  public boolean matches(String requestMethod, String requestType) {
    return (method == null || method.equals("*") || method.equalsIgnoreCase(requestMethod))
        && (resourceType == null
            || resourceType.equals("*")
            || resourceType.equalsIgnoreCase(requestType));
  }
}
