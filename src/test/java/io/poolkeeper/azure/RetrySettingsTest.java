package io.poolkeeper.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How long a retry inside one Azure call waits. */
class RetrySettingsTest {

  private final AzureClients.RetrySettings retry =
      new AzureClients.RetrySettings(3, Duration.ofMillis(500), Duration.ofSeconds(4));

  @Test
  void theDelayDoublesUpToTheMaximum() {
    assertThat(retry.delay(0, Optional.empty())).isEqualTo(Duration.ofMillis(500));
    assertThat(retry.delay(1, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
    assertThat(retry.delay(3, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
    assertThat(retry.delay(40, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void aLongerRetryAfterIsHonouredUpToTheMaximumOnly() {
    assertThat(retry.delay(0, Optional.of(Duration.ofSeconds(2)))).isEqualTo(Duration.ofSeconds(2));
    assertThat(retry.delay(0, Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofSeconds(4));
    assertThat(retry.delay(1, Optional.of(Duration.ofMillis(10)))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void theOperatorsRetryIsImmediateSoNoReconcilerThreadSleeps() {
    AzureClients.RetrySettings defaults = AzureClients.RetrySettings.defaults();

    assertThat(defaults.maxRetries()).isEqualTo(1);
    assertThat(defaults.delay(0, Optional.empty())).isZero();
    assertThat(defaults.delay(0, Optional.of(Duration.ofHours(1)))).isZero();
  }
}
