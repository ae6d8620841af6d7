package io.poolkeeper.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.api.ManagedImageStatus;
import io.poolkeeper.azure.OperationService.OperationState;
import io.poolkeeper.azure.OperationService.OperationStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A create or update Azure ended Failed: sent again twice, then Stalled with Azure's error. */
class FailedProvisioningTest {

  private static final Optional<OperationStatus> FAILED =
      Optional.of(new OperationStatus(OperationState.FAILED, "InternalOperationError", "boom"));

  @Test
  void theFirstTwoFailuresAreSentAgainAndTheThirdNeedsAPerson() {
    ManagedImageStatus status = new ManagedImageStatus();

    FailedProvisioning first = FailedProvisioning.judge(status, null, FAILED, false, "the image");
    FailedProvisioning second = FailedProvisioning.judge(status, 1, FAILED, false, "the image");
    FailedProvisioning third = FailedProvisioning.judge(status, 2, FAILED, false, "the image");

    assertThat(first.retry()).isTrue();
    assertThat(first.health().isStalled()).isFalse();
    assertThat(second.retry()).isTrue();
    assertThat(third.retry()).isFalse();
    assertThat(third.health().isStalled()).isTrue();
    assertThat(third.failures()).isEqualTo(3);
    assertThat(third.message()).contains("InternalOperationError: boom");
    assertThat(third.notice().type()).isEqualTo("Warning");
  }

  @Test
  void aSpecChangeStartsTheCountAgain() {
    ManagedImageStatus status = new ManagedImageStatus();

    FailedProvisioning judged = FailedProvisioning.judge(status, 2, FAILED, true, "the image");

    assertThat(judged.retry()).isTrue();
    assertThat(judged.failures()).isEqualTo(1);
  }

  @Test
  void withoutTheOperationAzureGaveNoDetailsIsSaid() {
    FailedProvisioning judged =
        FailedProvisioning.judge(
            new ManagedImageStatus(), null, Optional.empty(), false, "the version");

    assertThat(judged.message()).contains("Azure gave no details").contains("the version");
  }
}
