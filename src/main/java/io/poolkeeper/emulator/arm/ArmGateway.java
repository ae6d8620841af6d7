package io.poolkeeper.emulator.arm;

import io.poolkeeper.emulator.FaultRule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door every ARM request passes: authentication, request counting, injected faults, then
 * the router under the state's monitor; and on the way out the headers ARM puts on every response
 * ({@code x-ms-request-id}, {@code x-ms-correlation-request-id} and the remaining subscription
 * reads, writes or deletes).
 */
public final class ArmGateway {

  private static final Logger LOG = LoggerFactory.getLogger(ArmGateway.class);
  // ARM's hourly budgets per subscription.
  private static final int READS_PER_HOUR = 12000;
  private static final int WRITES_PER_HOUR = 1200;
  private static final int DELETES_PER_HOUR = 15000;

  private final EmulatorState state;
  private final ArmRouter router;
  private final Map<String, Integer> usedThisHour = new HashMap<>();
  private Instant hour;

  public ArmGateway(EmulatorState state, ArmRouter router) {
    this.state = state;
    this.router = router;
  }

  public ArmResponse handle(ArmRequest request) {
    String label = router.label(request);
    state.counters().count(request.method(), label, router.isList(request));
    ArmResponse response;
    try {
      authenticate(request);
      Faults.Verdict verdict = state.faults().evaluate(request.method(), label);
      if (verdict.latencyMillis() > 0) {
        sleep(verdict.latencyMillis());
      }
      FaultRule fault = verdict.error();
      if (fault != null && !fault.cutOff()) {
        response = injected(fault, request);
      } else {
        response = serve(request);
        state.journal().record(state.clock().instant(), request, response.status());
        if (fault != null) {
          response.cutOff();
        }
      }
    } catch (ArmException e) {
      response = e.toResponse();
    } catch (RuntimeException e) {
      LOG.error("The Azure emulator failed on {} {}", request.method(), request.path(), e);
      response =
          new ArmException(500, "InternalServerError", "The Azure emulator failed: " + e)
              .toResponse();
    }
    return withArmHeaders(request, response);
  }

  /** Serves a request as someone else (the admin API), without counting or faults. */
  public ArmResponse serveInternal(ArmRequest request) {
    try {
      return serve(request);
    } catch (ArmException e) {
      return e.toResponse();
    }
  }

  private ArmResponse serve(ArmRequest request) {
    synchronized (state) {
      state.settle(state.clock().instant());
      return router.route(request);
    }
  }

  private static void authenticate(ArmRequest request) {
    String authorization = request.header("Authorization");
    if (authorization == null || authorization.isBlank()) {
      throw ArmErrors.authenticationMissing();
    }
    String[] parts = authorization.trim().split("\\s+", 2);
    if (parts.length < 2 || !parts[0].equalsIgnoreCase("Bearer") || parts[1].isBlank()) {
      throw ArmErrors.invalidAuthenticationToken();
    }
  }

  private static ArmResponse injected(FaultRule rule, ArmRequest request) {
    String message = rule.message();
    if (message == null) {
      message =
          rule.status() == 429
              ? "The request is being throttled as the limit has been reached for operation type - "
                  + operationType(request.method())
                  + "_ObservationWindow_00:05:00. For more information, refer to -"
                  + " https://aka.ms/armthrottling"
              : "The Azure emulator injected this failure (" + rule.code() + ").";
    }
    ArmException error = new ArmException(rule.status(), rule.code(), message);
    if (rule.retryAfterSeconds() != null) {
      error.withHeader("Retry-After", String.valueOf(rule.retryAfterSeconds()));
    }
    return error.toResponse();
  }

  private ArmResponse withArmHeaders(ArmRequest request, ArmResponse response) {
    response.header("x-ms-request-id", request.requestId());
    String correlation = request.header("x-ms-correlation-request-id");
    response.header(
        "x-ms-correlation-request-id", correlation != null ? correlation : request.requestId());
    String operation = operationType(request.method());
    String subscription = subscriptionOf(request);
    if (subscription != null) {
      response.header(
          "x-ms-ratelimit-remaining-subscription-" + operation.toLowerCase(Locale.ROOT) + "s",
          String.valueOf(remaining(subscription, operation)));
    }
    return response;
  }

  private synchronized int remaining(String subscription, String operation) {
    Instant currentHour = state.clock().instant().truncatedTo(ChronoUnit.HOURS);
    if (!currentHour.equals(hour)) {
      hour = currentHour;
      usedThisHour.clear();
    }
    String key = subscription.toLowerCase(Locale.ROOT) + "|" + operation;
    int used = usedThisHour.merge(key, 1, Integer::sum);
    int budget =
        switch (operation) {
          case "Read" -> READS_PER_HOUR;
          case "Delete" -> DELETES_PER_HOUR;
          default -> WRITES_PER_HOUR;
        };
    return Math.max(0, budget - used);
  }

  /** Read, Write or Delete, as ARM's throttling names operations. */
  private static String operationType(String method) {
    return switch (method) {
      case "GET", "HEAD" -> "Read";
      case "DELETE" -> "Delete";
      default -> "Write";
    };
  }

  private static String subscriptionOf(ArmRequest request) {
    if (request.segments().size() >= 2
        && request.segments().get(0).equalsIgnoreCase("subscriptions")) {
      return request.segments().get(1);
    }
    return null;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
