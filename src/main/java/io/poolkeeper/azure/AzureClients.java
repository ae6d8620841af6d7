package io.poolkeeper.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.AddDatePolicy;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RequestRetryCondition;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.RetryStrategy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.batch.BatchManager;
import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.resources.ResourceManager;
import io.micrometer.core.instrument.MeterRegistry;
import io.poolkeeper.tls.TrustedCertificates;
import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import reactor.core.publisher.Mono;

/**
 * The one place that builds Azure clients: one JDK HTTP client, one retry policy and one credential
 * for every Azure SDK manager, pointed at Azure Resource Manager or at the emulator.
 */
public final class AzureClients {

  /** Public Azure's Resource Manager endpoint. */
  public static final URI AZURE_RESOURCE_MANAGER = URI.create("https://management.azure.com/");

  /**
   * A response header Azure never sends. Naming it makes azure-core's RetryPolicy ask our strategy
   * for every delay (with the response), instead of obeying Retry-After however long it is.
   */
  private static final String DELAY_FROM_STRATEGY = "x-poolkeeper-delay-from-retry-strategy";

  private final Settings settings;
  private final HttpClient httpClient;
  private final OperationCapture operationCapture = new OperationCapture();
  private final AzureCallMetrics callMetrics;
  private final HttpPipeline armPipeline;
  private final ConcurrentMap<String, ComputeManager> compute = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, BatchManager> batch = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, ResourceManager> resources = new ConcurrentHashMap<>();

  /**
   * How to reach Azure.
   *
   * @param resourceManagerEndpoint ARM, or the emulator's URL
   * @param credential Entra ID credential (DefaultAzureCredential on a cluster)
   * @param trustedCa the only CA to trust instead of the JDK's (the emulator's); empty for Azure
   * @param retry retries of transient failures inside one call
   */
  public record Settings(
      URI resourceManagerEndpoint,
      TokenCredential credential,
      Optional<X509Certificate> trustedCa,
      RetrySettings retry) {}

  /**
   * Retries of a single call after a 5xx or a broken connection, with exponential backoff; a longer
   * Retry-After is honoured up to {@code maxDelay}, never beyond. Throttling (429) is never retried
   * here: it surfaces as {@link AzureException.Throttled} so a reconciler requeues after
   * Retry-After instead of holding a thread.
   */
  public record RetrySettings(int maxRetries, Duration baseDelay, Duration maxDelay) {

    /**
     * The wait before retry number {@code tryCount} (0-based): exponential from {@code baseDelay},
     * at least what Azure's Retry-After headers ask, and never more than {@code maxDelay}.
     */
    Duration delay(int tryCount, Optional<Duration> retryAfter) {
      Duration delay = baseDelay.multipliedBy(1L << Math.min(tryCount, 16));
      if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
        delay = retryAfter.get();
      }
      return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /**
     * What the operator uses: one immediate retry of a call that met a 5xx or a broken connection,
     * which is how most of those pass, and no sleep. A reconciler thread waits for Azure's answers,
     * never between them; a failure that lasts ends the reconcile, which is requeued with backoff
     * (ReconcileErrors) without holding a thread.
     */
    public static RetrySettings defaults() {
      return new RetrySettings(1, Duration.ZERO, Duration.ZERO);
    }

    public static RetrySettings none() {
      return new RetrySettings(0, Duration.ZERO, Duration.ZERO);
    }
  }

  /** Clients for {@code settings} that count their requests in {@code metrics}. */
  public AzureClients(Settings settings, MeterRegistry metrics) {
    this.settings = settings;
    this.callMetrics = new AzureCallMetrics(metrics);
    java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder();
    settings.trustedCa().ifPresent(ca -> jdk.sslContext(TrustedCertificates.trusting(ca)));
    this.httpClient =
        new JdkHttpClientBuilder(jdk).connectionTimeout(Duration.ofSeconds(10)).build();
    this.armPipeline =
        new HttpPipelineBuilder()
            .httpClient(httpClient)
            .policies(
                new UserAgentPolicy("poolkeeper"),
                new RequestIdPolicy(),
                retryPolicy(),
                new AddDatePolicy(),
                new BearerTokenAuthenticationPolicy(
                    settings.credential(),
                    AzureEnvironment.AZURE.getManagementEndpoint() + "/.default"),
                operationCapture,
                callMetrics,
                new HttpLoggingPolicy(new HttpLogOptions()))
            .build();
  }

  public ManagedImageService images() {
    return new SdkManagedImageService(this::compute);
  }

  public GalleryService galleries() {
    return new SdkGalleryService(this::compute);
  }

  public PoolService pools() {
    return new ArmPoolService(armPipeline, settings.resourceManagerEndpoint());
  }

  public LockService locks() {
    return new SdkLockService(this::resources);
  }

  public BatchAccountService batchAccounts() {
    return new SdkBatchAccountService(this::batch);
  }

  public OperationService operations() {
    return new ArmOperationService(armPipeline, settings.resourceManagerEndpoint());
  }

  /**
   * A credential for the emulator, which accepts any bearer token. Only ever pointed at the
   * emulator: real Azure rejects the token.
   */
  public static TokenCredential emulatorCredential() {
    return request ->
        Mono.just(new AccessToken("poolkeeper-emulator-token", OffsetDateTime.now().plusHours(1)));
  }

  ComputeManager compute(String subscriptionId) {
    return compute.computeIfAbsent(
        subscriptionId,
        id ->
            ComputeManager.configure()
                .withHttpClient(httpClient)
                .withRetryPolicy(retryPolicy())
                .withPolicy(operationCapture)
                .withPolicy(callMetrics)
                .authenticate(settings.credential(), profile(id)));
  }

  BatchManager batch(String subscriptionId) {
    return batch.computeIfAbsent(
        subscriptionId,
        id ->
            BatchManager.configure()
                .withHttpClient(httpClient)
                .withRetryPolicy(retryPolicy())
                .withPolicy(operationCapture)
                .withPolicy(callMetrics)
                .authenticate(settings.credential(), profile(id)));
  }

  ResourceManager resources(String subscriptionId) {
    return resources.computeIfAbsent(
        subscriptionId,
        id ->
            ResourceManager.configure()
                .withHttpClient(httpClient)
                .withRetryPolicy(retryPolicy())
                .withPolicy(operationCapture)
                .withPolicy(callMetrics)
                .authenticate(settings.credential(), profile(id))
                .withSubscription(id));
  }

  private AzureProfile profile(String subscriptionId) {
    return new AzureProfile(null, subscriptionId, environment());
  }

  /** Public Azure, with Resource Manager moved to the configured endpoint when it differs. */
  private AzureEnvironment environment() {
    if (settings.resourceManagerEndpoint().equals(AZURE_RESOURCE_MANAGER)) {
      return AzureEnvironment.AZURE;
    }
    Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
    endpoints.put("resourceManagerEndpointUrl", settings.resourceManagerEndpoint().toString());
    return new AzureEnvironment(endpoints);
  }

  private RetryPolicy retryPolicy() {
    RetrySettings retry = settings.retry();
    return new RetryPolicy(
        new RetryStrategy() {
          @Override
          public int getMaxRetries() {
            return retry.maxRetries();
          }

          @Override
          public Duration calculateRetryDelay(int retryAttempts) {
            return retry.delay(retryAttempts, Optional.empty());
          }

          @Override
          public Duration calculateRetryDelay(RequestRetryCondition condition) {
            HttpResponse response = condition.getResponse();
            return retry.delay(
                condition.getTryCount(),
                response == null ? Optional.empty() : AzureErrors.askedRetryAfter(response));
          }

          @Override
          public boolean shouldRetry(HttpResponse response) {
            int status = response.getStatusCode();
            return status == 408
                || status == 500
                || status == 502
                || status == 503
                || status == 504;
          }

          @Override
          public boolean shouldRetryException(Throwable failure) {
            // A refused certificate is refused again however often the request is sent.
            return (failure instanceof IOException || failure.getCause() instanceof IOException)
                && AzureErrors.refusedCertificate(failure).isEmpty();
          }
        },
        DELAY_FROM_STRATEGY,
        ChronoUnit.SECONDS);
  }
}
