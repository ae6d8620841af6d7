package io.poolkeeper.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolkeeper.reliability.BadObjects.BadObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class BadObjectsTest {

  @Test
  void theFullPlanGetsTwoHundredTwentyObjectsOfUniqueNames() {
    List<BadObject> objects = BadObjects.take(ReliabilityPlan.FULL.badObjects());

    assertThat(objects).hasSizeGreaterThanOrEqualTo(220);
    assertThat(objects.stream().map(o -> o.kind() + "/" + o.name())).doesNotHaveDuplicates();
  }

  @Test
  void theCiPlanHasEveryCategory() {
    List<BadObject> objects = BadObjects.take(ReliabilityPlan.CI.badObjects());

    assertThat(objects.stream().map(BadObject::category).distinct())
        .containsExactlyInAnyOrder(
            "rejected variant",
            "wrong type",
            "missing reference",
            "huge string",
            "foreign-namespace reference",
            "unicode string",
            "name refused",
            "Azure refuses",
            "quota or limit",
            "conflicting pools");
  }
}
