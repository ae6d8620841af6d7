package io.poolkeeper.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written regular expressions that the schemas cannot express any other way. */
class ApiPatternsTest {

  private static final Pattern AT_LEAST_5_MINUTES =
      Pattern.compile(ApiPatterns.DURATION_AT_LEAST_5_MINUTES);
  private static final Pattern POSITIVE = Pattern.compile(ApiPatterns.POSITIVE_DURATION);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PT5M",
        "PT15M",
        "PT05M",
        "PT59M",
        "PT120M",
        "PT1H",
        "PT1H30M",
        "P1D",
        "P1DT1H",
        "PT300S",
        "PT3600S",
        "PT0H5M",
        "PT1H0M0S",
        "PT10M30S",
        "P0DT5M"
      })
  void durationsOfFiveMinutesOrMoreAreAccepted(String duration) {
    assertThat(AT_LEAST_5_MINUTES.matcher(duration).matches()).as(duration).isTrue();
    assertThat(POSITIVE.matcher(duration).matches()).as(duration).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PT1M",
        "PT4M",
        "PT4M59S",
        "PT299S",
        "PT0H4M",
        "P0D",
        "PT0S",
        "PT",
        "P",
        "5m",
        "PT5",
        "15 minutes",
        "P1DT",
        "pt5m",
        "PT5M ",
        "P1W"
      })
  void shorterOrMalformedDurationsAreRefused(String duration) {
    assertThat(AT_LEAST_5_MINUTES.matcher(duration).matches()).as(duration).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PT1M",
        "PT30S",
        "PT1H",
        "P1D",
        "PT1.5S",
        "PT0.5S",
        "PT0.05S",
        "PT1S",
        "P0DT1S",
        "PT0H0M1S",
        "PT0H1M",
        "PT0H0M0.1S",
        "P0DT0H1M0S",
        "P1DT0H",
        "P01D",
        "PT10M0S"
      })
  void durationsLongerThanZeroArePositive(String duration) {
    assertThat(POSITIVE.matcher(duration).matches()).as(duration).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PT0S",
        "P0D",
        "PT0M",
        "PT0H",
        "PT00M",
        "PT0.0S",
        "PT0.000S",
        "P0DT0H0M0S",
        "PT0H0M",
        "P0DT0S",
        "PT",
        "P",
        "P1DT",
        "PT1.S",
        "-PT1M",
        "PT-1M",
        "pt1m",
        "1m",
        "P1W",
        "PT1M ",
        "PT1M1H"
      })
  void zeroNegativeOrMalformedDurationsAreNotPositive(String duration) {
    assertThat(POSITIVE.matcher(duration).matches()).as(duration).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/subscriptions/99999999-8888-7777-6666-555555555555/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/d/versions/1.2.3",
        "/subscriptions/99999999-8888-7777-6666-555555555555/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/d",
        "/subscriptions/99999999-8888-7777-6666-555555555555/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/d/versions/latest",
        "/subscriptions/99999999-8888-7777-6666-555555555555/resourcegroups/rg/providers/microsoft.compute/images/base"
      })
  void poolImageIdsOfGalleriesAndImagesAreAccepted(String id) {
    assertThat(Pattern.compile(ApiPatterns.POOL_IMAGE_ID).matcher(id).matches()).isTrue();
  }
}
