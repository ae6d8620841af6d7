package io.poolkeeper.emulator.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkeeper.emulator.arm.EmulatorJson;
import org.junit.jupiter.api.Test;

/** The $filter subset of Batch pool lists. */
class ODataFilterTest {

  private static final JsonNode POOL =
      EmulatorJson.parse(
          """
          {"name": "pooltest", "properties": {
            "allocationState": "Steady", "currentDedicatedNodes": 4,
            "provisioningStateTransitionTime": "2017-01-26T10:22:55.9407275Z"}}
          """);

  @Test
  void theReferenceExampleFilterIsUnderstood() {
    assertThat(
            matches(
                "startswith(name, 'po') or (properties/allocationState eq 'Steady' and"
                    + " properties/provisioningStateTransitionTime lt datetime'2017-02-02')"))
        .isTrue();
    assertThat(
            matches(
                "startswith(name, 'te') or (properties/allocationState eq 'Steady' and"
                    + " properties/provisioningStateTransitionTime lt datetime'2017-01-02')"))
        .isFalse();
  }

  @Test
  void comparisonsWorkOnStringsNumbersAndDates() {
    assertThat(matches("properties/currentDedicatedNodes gt 3")).isTrue();
    assertThat(matches("properties/currentDedicatedNodes le 3")).isFalse();
    assertThat(matches("name ne 'other' and not (properties/allocationState eq 'Resizing')"))
        .isTrue();
    assertThat(matches("endswith(name, 'test') eq true")).isTrue();
    assertThat(matches("contains(name, 'olt')")).isTrue();
    assertThat(matches("properties/missing eq null")).isTrue();
    assertThat(matches("name eq 'it''s'")).isFalse();
  }

  @Test
  void malformedFiltersAreRejected() {
    assertThatThrownBy(() -> ODataFilter.compile("name eq"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ODataFilter.compile("(name eq 'x'"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ODataFilter.compile("name eq 'x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ODataFilter.compile("name eq 'x' extra"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static boolean matches(String filter) {
    return ODataFilter.compile(filter).test(POOL);
  }
}
