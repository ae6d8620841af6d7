package io.poolkeeper.azure;

import java.time.Duration;
import java.util.Optional;

/**
 * An Azure error a reconciler can act on. Every adapter maps the SDK's exceptions to exactly these
 * kinds, so reconcilers never see SDK types.
 */
public abstract sealed class AzureException extends RuntimeException {

  private final int httpStatus;
  private final String code;

  AzureException(int httpStatus, String code, String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.code = code;
  }

  /** The HTTP status Azure answered, or 0 when no answer arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Azure's error code, e.g. ResourceNotFound or ScopeLocked; empty string when none. */
  public String code() {
    return code;
  }

  /** The resource (or its parent) does not exist. On delete this is success. */
  public static final class NotFound extends AzureException {
    public NotFound(String code, String message, Throwable cause) {
      super(404, code, message, cause);
    }
  }

  /** The request conflicts with the resource's state: a lock, nested resources, an ETag. */
  public static final class Conflict extends AzureException {
    public Conflict(int httpStatus, String code, String message, Throwable cause) {
      super(httpStatus, code, message, cause);
    }

    /** A CanNotDelete or ReadOnly lock on the resource or a parent scope refused the request. */
    public boolean scopeLocked() {
      return "ScopeLocked".equals(code());
    }
  }

  /** Azure throttled the caller; try again after {@link #retryAfter()}. */
  public static final class Throttled extends AzureException {
    private final Duration retryAfter;

    public Throttled(String code, String message, Duration retryAfter, Throwable cause) {
      super(429, code, message, cause);
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }

  /** Azure refused the request as invalid; retrying the same request cannot help. */
  public static final class InvalidRequest extends AzureException {
    private final String target;

    public InvalidRequest(
        int httpStatus, String code, String message, String target, Throwable cause) {
      super(httpStatus, code, message, cause);
      this.target = target;
    }

    /** The property Azure named as wrong, when it named one. */
    public Optional<String> target() {
      return Optional.ofNullable(target);
    }
  }

  /** A failure that may heal by itself: 5xx, a time-out, a broken connection. */
  public static final class Transient extends AzureException {
    public Transient(int httpStatus, String code, String message, Throwable cause) {
      super(httpStatus, code, message, cause);
    }
  }
}
