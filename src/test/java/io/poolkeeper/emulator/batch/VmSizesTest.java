package io.poolkeeper.emulator.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cores and quota families read from VM size names. */
class VmSizesTest {

  @Test
  void coresAreTheFirstNumberInTheName() {
    assertThat(VmSizes.coresPerNode("Standard_D4s_v5")).isEqualTo(4);
    assertThat(VmSizes.coresPerNode("STANDARD_D4")).isEqualTo(4);
    assertThat(VmSizes.coresPerNode("Standard_NC24ads_A100_v4")).isEqualTo(24);
    assertThat(VmSizes.coresPerNode("Standard_A1_v2")).isEqualTo(1);
    assertThat(VmSizes.coresPerNode("custom")).isEqualTo(1);
    assertThat(VmSizes.coresPerNode(null)).isEqualTo(1);
  }

  @Test
  void familiesFollowAzuresNaming() {
    assertThat(VmSizes.family("Standard_D4s_v5")).isEqualTo("standardDSv5Family");
    assertThat(VmSizes.family("STANDARD_D4")).isEqualTo("standardDFamily");
    assertThat(VmSizes.family("Standard_D2_v3")).isEqualTo("standardDv3Family");
    assertThat(VmSizes.family("Standard_E8ds_v4")).isEqualTo("standardEDSv4Family");
    assertThat(VmSizes.family("Standard_DS11-1_v2")).isEqualTo("standardDSv2Family");
    assertThat(VmSizes.family("custom")).isNull();
  }

  // Batch's spelling: STANDARD_D4 (every pool example), STANDARD_HB120rs_V2 (Azure/azurehpc pull
  // request 313; azure-rest-api-specs issue 4956).
  @Test
  void batchUpperCasesTheTierAndTheVersion() {
    assertThat(VmSizes.batchSpelling("Standard_D4")).isEqualTo("STANDARD_D4");
    assertThat(VmSizes.batchSpelling("Standard_HB120rs_v2")).isEqualTo("STANDARD_HB120rs_V2");
    assertThat(VmSizes.batchSpelling("Standard_NC24ads_A100_v4"))
        .isEqualTo("STANDARD_NC24ads_A100_V4");
    assertThat(VmSizes.batchSpelling("STANDARD_D4")).isEqualTo("STANDARD_D4");
    assertThat(VmSizes.batchSpelling("custom")).isEqualTo("custom");
  }
}
