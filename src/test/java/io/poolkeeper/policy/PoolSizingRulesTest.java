package io.poolkeeper.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.policy.CustomImageLimits.PoolTargets;
import io.poolkeeper.policy.ResizeErrors.Verdict;
import io.poolkeeper.policy.ResizeTimeouts.ImageKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sizing rules of the Azure Batch custom-image guides (DOMAIN.md), with their numbers. */
class PoolSizingRulesTest {

  @Test
  void galleryPoolsGetFifteenMinutesPerThousandNodesNeverUnderFifteen() {
    assertThat(ResizeTimeouts.effective(null, 2000, ImageKind.GALLERY))
        .isEqualTo(Duration.ofMinutes(30));
    assertThat(ResizeTimeouts.effective(null, 2001, ImageKind.GALLERY))
        .isEqualTo(Duration.ofMinutes(45));
    assertThat(ResizeTimeouts.effective(null, 50, ImageKind.GALLERY))
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(ResizeTimeouts.effective(null, 0, ImageKind.MARKETPLACE))
        .isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void managedImagePoolsGetAtLeastTwentyMinutes() {
    assertThat(ResizeTimeouts.effective(null, 100, ImageKind.MANAGED))
        .isEqualTo(Duration.ofMinutes(20));
    assertThat(ResizeTimeouts.effective(null, 3000, ImageKind.MANAGED))
        .isEqualTo(Duration.ofMinutes(45));
  }

  @Test
  void aTimeoutInTheSpecWins() {
    assertThat(ResizeTimeouts.effective(Duration.ofMinutes(7), 5000, ImageKind.GALLERY))
        .isEqualTo(Duration.ofMinutes(7));
  }

  @Test
  void twoPoolsOf1500DedicatedNodesOnOneImageExceedTheLimit() {
    PoolTargets first = new PoolTargets("render-a", 1500, 0);
    PoolTargets second = new PoolTargets("render-b", 1500, 0);

    assertThat(CustomImageLimits.refusal(first, List.of())).isEmpty();
    assertThat(CustomImageLimits.refusal(second, List.of(first)))
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .contains("2500 dedicated")
                    .contains("render-a (1500)")
                    .contains("3000"));
  }

  @Test
  void aRefusalAmongThousandsOfPoolsNamesAFewAndCountsTheRest() {
    List<PoolTargets> earlier =
        java.util.stream.IntStream.range(0, 3000)
            .mapToObj(i -> new PoolTargets("pool-" + i, 1, 0))
            .toList();

    assertThat(CustomImageLimits.refusal(new PoolTargets("late", 1, 0), earlier))
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .contains(
                        "pool-0 (1), pool-1 (1), pool-2 (1), pool-3 (1), pool-4 (1) and 2995"
                            + " more pools")
                    .doesNotContain("pool-5 ")
                    .hasSizeLessThan(400));
  }

  @Test
  void poolsFitTogetherUpToBothLimits() {
    assertThat(CustomImageLimits.fitTogether(List.of())).isTrue();
    assertThat(
            CustomImageLimits.fitTogether(
                List.of(new PoolTargets("a", 2000, 600), new PoolTargets("b", 500, 400))))
        .isTrue();
    assertThat(
            CustomImageLimits.fitTogether(
                List.of(new PoolTargets("a", 2000, 0), new PoolTargets("b", 501, 0))))
        .isFalse();
    assertThat(
            CustomImageLimits.fitTogether(
                List.of(new PoolTargets("a", 0, 1000), new PoolTargets("b", 0, 1))))
        .isFalse();
  }

  @Test
  void lowPriorityNodesHaveTheirOwnLimitOf1000() {
    assertThat(
            CustomImageLimits.refusal(
                new PoolTargets("spot-a", 0, 600), List.of(new PoolTargets("spot-b", 0, 500))))
        .hasValueSatisfying(message -> assertThat(message).contains("1000 low-priority"));
    assertThat(
            CustomImageLimits.refusal(
                new PoolTargets("a", 2500, 1000), List.of(new PoolTargets("b", 0, 0))))
        .isEmpty();
  }

  @Test
  void theNodeAgentMustFitTheImagesOs() {
    assertThat(NodeAgentSkus.mismatch("batch.node.ubuntu 22.04", "Linux")).isEmpty();
    assertThat(NodeAgentSkus.mismatch("batch.node.windows amd64", "Windows")).isEmpty();
    assertThat(NodeAgentSkus.mismatch("batch.node.windows amd64", "Linux"))
        .hasValueSatisfying(message -> assertThat(message).contains("'batch.node.ubuntu 22.04'"));
    assertThat(NodeAgentSkus.mismatch("batch.node.ubuntu 22.04", "Windows"))
        .hasValueSatisfying(message -> assertThat(message).contains("'batch.node.windows amd64'"));
    assertThat(NodeAgentSkus.mismatch("batch.node.ubuntu 22.04", null)).isEmpty();
  }

  @Test
  void allocationFailuresAndTimeoutsAreRetriedQuotaIsNot() {
    assertThat(ResizeErrors.verdict("AllocationTimedout", true, false)).isEqualTo(Verdict.RETRY);
    assertThat(ResizeErrors.verdict("AllocationTimedOut", true, false)).isEqualTo(Verdict.RETRY);
    assertThat(ResizeErrors.verdict("AllocationFailed", true, false)).isEqualTo(Verdict.RETRY);
    assertThat(ResizeErrors.verdict("AllocationFailed", false, false))
        .isEqualTo(Verdict.NEEDS_A_PERSON);
    assertThat(ResizeErrors.verdict("ResizeStopped", true, false)).isEqualTo(Verdict.RETRY);
    assertThat(ResizeErrors.verdict("ResizeStopped", true, true)).isEqualTo(Verdict.STOPPED_BY_US);
    assertThat(ResizeErrors.verdict("Unknown", true, false)).isEqualTo(Verdict.RETRY);
    assertThat(ResizeErrors.verdict("AccountCoreQuotaReached", true, false))
        .isEqualTo(Verdict.NEEDS_A_PERSON);
    assertThat(ResizeErrors.verdict("AccountLowPriorityCoreQuotaReached", true, false))
        .isEqualTo(Verdict.NEEDS_A_PERSON);
    assertThat(ResizeErrors.verdict("IncompatibleVMSize", true, false))
        .isEqualTo(Verdict.NEEDS_A_PERSON);
    assertThat(ResizeErrors.verdict("DependentResourceNotFound", true, false))
        .isEqualTo(Verdict.NEEDS_A_PERSON);
  }

  @Test
  void resizeBackoffDoublesToItsMaximumAndCountsAttempts() {
    ResizeBackoff backoff = ResizeBackoff.DEFAULTS;

    assertThat(backoff.before(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(backoff.before(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(backoff.before(5)).isEqualTo(Duration.ofMinutes(16));
    assertThat(backoff.before(6)).isEqualTo(Duration.ofMinutes(30));
    assertThat(backoff.before(60)).isEqualTo(Duration.ofMinutes(30));
    assertThat(backoff.allows(9)).isTrue();
    assertThat(backoff.allows(10)).isFalse();
  }
}
