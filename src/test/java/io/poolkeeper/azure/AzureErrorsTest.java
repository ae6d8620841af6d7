package io.poolkeeper.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
            AzureErrors.map(
                new UncheckedIOException(new java.io.IOException(new ConnectException("refused")))))
        .isInstanceOf(AzureException.Transient.class)
        .hasMessageContaining("ConnectException: refused");
  }

  @Test
  void anHttpErrorWithoutArmBodyStillMapsByStatus() {
    HttpResponseException plain =
        new HttpResponseException("gone", new FakeResponse(404, new HttpHeaders()));

    assertThat(AzureErrors.map(plain)).isInstanceOf(AzureException.NotFound.class);
  }

  private static ManagementException armError(int status, String code, HttpHeaders headers) {
    return new ManagementException(
        "Status code " + status,
        new FakeResponse(status, headers),
        new ManagementError(code, code + " happened"));
  }

  /** A bodiless HTTP response: all the mapping reads is the status and the headers. */
  private static final class FakeResponse extends HttpResponse {
    private final int status;
    private final HttpHeaders headers;

    FakeResponse(int status, HttpHeaders headers) {
      super(new HttpRequest(HttpMethod.GET, "https://management.azure.com/"));
      this.status = status;
      this.headers = headers;
    }

    @Override
    public int getStatusCode() {
      return status;
    }

    @Override
    @Deprecated
    public String getHeaderValue(String name) {
      return headers.getValue(HttpHeaderName.fromString(name));
    }

    @Override
    public String getHeaderValue(HttpHeaderName name) {
      return headers.getValue(name);
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public Flux<ByteBuffer> getBody() {
      return Flux.empty();
    }

    @Override
    public Mono<byte[]> getBodyAsByteArray() {
      return Mono.just(new byte[0]);
    }

    @Override
    public Mono<String> getBodyAsString() {
      return Mono.just("");
    }

    @Override
    public Mono<String> getBodyAsString(Charset charset) {
      return Mono.just("");
    }
  }
}
