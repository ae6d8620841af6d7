package io.poolkeeper.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An HTTP response with a status and headers and an empty body: all that error mapping and
 * operation capture read of an answer.
 */
final class BodilessResponse extends HttpResponse {
  private final int status;
  private final HttpHeaders headers;

  BodilessResponse(int status, HttpHeaders headers) {
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

  @Override
  public BinaryData getBodyAsBinaryData() {
    return BinaryData.fromString("");
  }
}
