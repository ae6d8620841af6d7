package io.poolkeeper.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolkeeper.azure.OperationService.OperationState;
import io.poolkeeper.azure.OperationService.OperationStatus;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * How an operation is read off Azure's first answer and how its status URL is understood (ARM's
 * async-operation conventions: Azure-AsyncOperation with a status body, or Location with 202).
 */
class OperationsTest {

  private static final String ARM = "https://management.azure.com/";

  @Test
  void anAsyncOperationHeaderWinsOverLocation() {
    HttpHeaders headers =
        new HttpHeaders()
            .set(HttpHeaderName.fromString("Azure-AsyncOperation"), ARM + "operations/1")
            .set(HttpHeaderName.LOCATION, ARM + "results/1");

    assertThat(OperationCapture.operationOf(response(201, headers)))
        .isEqualTo(
            new AzureOperation(ARM + "operations/1", AzureOperation.Polling.ASYNC_OPERATION));
  }

  @Test
  void aLocationHeaderOnA202IsFollowedByStatus() {
    HttpHeaders headers = new HttpHeaders().set(HttpHeaderName.LOCATION, ARM + "results/1");

    assertThat(OperationCapture.operationOf(response(202, headers)))
        .isEqualTo(new AzureOperation(ARM + "results/1", AzureOperation.Polling.LOCATION));
  }

  @Test
  void anAnswerWithoutOperationIsComplete() {
    assertThat(OperationCapture.operationOf(response(200, new HttpHeaders())))
        .isEqualTo(AzureOperation.completed());
    assertThat(OperationCapture.operationOf(response(204, new HttpHeaders())))
        .isEqualTo(AzureOperation.completed());
  }

  @Test
  void anAsyncOperationBodyTellsStateAndError() throws Exception {
    ObjectMapper json = new ObjectMapper();

    assertThat(
            ArmOperationService.asyncOperationStatus(json.readTree("{\"status\":\"InProgress\"}")))
        .isEqualTo(OperationStatus.of(OperationState.IN_PROGRESS));
    assertThat(
            ArmOperationService.asyncOperationStatus(json.readTree("{\"status\":\"Succeeded\"}")))
        .isEqualTo(OperationStatus.of(OperationState.SUCCEEDED));
    OperationStatus failed =
        ArmOperationService.asyncOperationStatus(
            json.readTree(
                "{\"status\":\"Failed\",\"error\":{\"code\":\"InternalOperationError\","
                    + "\"message\":\"Disk copy failed.\"}}"));
    assertThat(failed.state()).isEqualTo(OperationState.FAILED);
    assertThat(failed.error()).contains("InternalOperationError: Disk copy failed.");
    assertThat(
            ArmOperationService.asyncOperationStatus(json.readTree("{\"status\":\"Canceled\"}"))
                .state())
        .isEqualTo(OperationState.CANCELED);
  }

  @Test
  void aStatusUrlOutsideResourceManagerIsNeverFollowed() {
    ArmOperationService operations =
        new ArmOperationService(
            new HttpPipelineBuilder()
                .httpClient(
                    request -> {
                      throw new AssertionError("no request may leave: " + request.getUrl());
                    })
                .build(),
            URI.create(ARM));

    assertThatThrownBy(
            () ->
                operations.status(
                    new AzureOperation(
                        "https://attacker.example/operations/1",
                        AzureOperation.Polling.ASYNC_OPERATION)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attacker.example");
    assertThatThrownBy(
            () ->
                operations.status(
                    new AzureOperation(
                        "http://management.azure.com/operations/1",
                        AzureOperation.Polling.ASYNC_OPERATION)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCompletedOperationIsSucceededWithoutAsking() {
    ArmOperationService operations =
        new ArmOperationService(
            new HttpPipelineBuilder()
                .httpClient(
                    request -> {
                      throw new AssertionError("nothing to ask");
                    })
                .build(),
            URI.create(ARM));

    assertThat(operations.status(AzureOperation.completed()).state())
        .isEqualTo(OperationState.SUCCEEDED);
  }

  private static HttpResponse response(int status, HttpHeaders headers) {
    return new BodilessResponse(status, headers);
  }
}
