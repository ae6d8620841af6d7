package io.poolkeeper.azure;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An Azure error a reconciler can act on. Every adapter maps Azure's answers (and only Azure's
 * answers, or the lack of one) to exactly these kinds, so reconcilers never see SDK types. A bug in
 * Poolkeeper or the SDK (a NullPointerException, a bad argument) is not an AzureException: it
 * surfaces as itself.
 */
public abstract sealed class AzureException extends RuntimeException {

  private final int httpStatus;
  private final String code;

  AzureException(int httpStatus, String code, String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.code = code == null ? "" : code;
  }

  /** The HTTP status Azure answered, or 0 when no answer arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Azure's error code, e.g. ResourceNotFound or ScopeLocked; empty string when none. */
  public String code() {
    return code;
  }

  /** Whether {@link #code()} is one of {@code codes}, compared as Azure does: ignoring case. */
  boolean codeIsOneOf(Set<String> codes) {
    return codes.contains(code.toLowerCase(Locale.ROOT));
  }

  /** The resource, or a parent of it, does not exist. On delete this is success. */
  public static final class NotFound extends AzureException {

    /** Batch's code for a missing Batch account. */
    static final String ACCOUNT_NOT_FOUND = "AccountNotFound";

    /** ARM's and Batch's codes for a missing subscription, resource group or parent resource. */
    private static final Set<String> MISSING_PARENT =
        Set.of(
            "parentresourcenotfound",
            "resourcegroupnotfound",
            "subscriptionnotfound",
            ACCOUNT_NOT_FOUND.toLowerCase(Locale.ROOT));

    public NotFound(String code, String message, Throwable cause) {
      super(404, code, message, cause);
    }

    /**
     * True when what is missing is a parent (subscription, resource group, gallery, image
     * definition, Batch account), not the resource itself: creating the resource cannot help until
     * someone creates the parent.
     */
    public boolean parentMissing() {
      return codeIsOneOf(MISSING_PARENT);
    }
  }

  /** The request conflicts with the resource's state: a lock, nested resources, an ETag... */
  public static final class Conflict extends AzureException {

    /** Why a request conflicted, as far as a reconciler needs to know. */
    public enum Kind {
      /** If-Match or If-None-Match did not hold: someone else changed the resource; read again. */
      ETAG_MISMATCH(true),
      /** The resource is being deleted; it will be gone soon. */
      BEING_DELETED(true),
      /** A Batch pool is resizing (or stopping a resize); wait for Steady, then resize. */
      RESIZE_IN_PROGRESS(true),
      /** Another operation on the resource is still running. */
      OPERATION_IN_PROGRESS(true),
      /** A management lock forbids the operation; someone has to remove the lock. */
      SCOPE_LOCKED(false),
      /** The resource still has nested resources (versions, definitions). */
      HAS_CHILDREN(false),
      /** The request changes a property that cannot change on an existing resource. */
      PROPERTY_CANNOT_CHANGE(false),
      /** Any other conflict. */
      OTHER(false);

      private final boolean waitingHelps;

      Kind(boolean waitingHelps) {
        this.waitingHelps = waitingHelps;
      }
    }

    private final Kind kind;

    public Conflict(int httpStatus, String code, String message, Throwable cause) {
      super(httpStatus, code, message, cause);
      this.kind = httpStatus == 412 ? Kind.ETAG_MISMATCH : kindOf(code());
    }

    public Kind kind() {
      return kind;
    }

    /** True when the same request may succeed later without anyone changing anything. */
    public boolean waitingHelps() {
      return kind.waitingHelps;
    }

    /** A CanNotDelete or ReadOnly lock on the resource or a parent scope refused the request. */
    public boolean scopeLocked() {
      return kind == Kind.SCOPE_LOCKED;
    }

    private static Kind kindOf(String code) {
      return switch (code.toLowerCase(Locale.ROOT)) {
        case "conditionnotmet" -> Kind.ETAG_MISMATCH;
        case "poolbeingdeleted", "resourcegroupbeingdeleted", "resourcebeingdeleted" ->
            Kind.BEING_DELETED;
        case "poolbeingresized", "poolnotsteady" -> Kind.RESIZE_IN_PROGRESS;
        case "anotheroperationinprogress", "conflictingoperation" -> Kind.OPERATION_IN_PROGRESS;
        case "scopelocked" -> Kind.SCOPE_LOCKED;
        case "cannotdeleteresource", "nestedresourcesexist" -> Kind.HAS_CHILDREN;
        case "propertychangenotallowed" -> Kind.PROPERTY_CANNOT_CHANGE;
        default -> Kind.OTHER;
      };
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

  /**
   * Azure refused the request as invalid or not allowed (4xx other than 404, 409, 412 and 429);
   * retrying the same request cannot help.
   */
  public static final class InvalidRequest extends AzureException {
    private final String target;

    public InvalidRequest(
        int httpStatus, String code, String message, String target, Throwable cause) {
      super(httpStatus, code, message, cause);
      this.target = target;
    }

    /**
     * The property Azure named as wrong, when it named one: ARM's {@code target}, or the {@code
     * PropertyName} detail of a Batch error.
     */
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
