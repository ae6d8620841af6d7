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

  // Azure docs, "Support for generation 2 VMs on Azure" and "Trusted launch for Azure virtual
  // machines" (supported sizes): D/E/F v3 and later and Fsv2 run Gen2; Basic_A and A v1/v2 do not.
  @Test
  void generation2CapabilityFollowsTheDocumentedSizeLists() {
    for (String capable :
        new String[] {
          "Standard_D4s_v3",
          "Standard_D2_v3",
          "STANDARD_D4S_V5",
          "Standard_E8ads_v5",
          "Standard_F8s_v2",
          "Standard_F16s_v2",
          "Standard_D96as_v6"
        }) {
      assertThat(VmSizes.generation2(capable)).as(capable).isEqualTo(VmSizes.Generation2.CAPABLE);
    }
    for (String gen1 :
        new String[] {"Basic_A1", "Standard_A4", "STANDARD_A2_V2", "Standard_A8m_v2"}) {
      assertThat(VmSizes.generation2(gen1)).as(gen1).isEqualTo(VmSizes.Generation2.GEN1_ONLY);
    }
    for (String unknown :
        new String[] {
          "STANDARD_D4", "Standard_D2_v2", "Standard_NC24ads_A100_v4", "custom", null
        }) {
      assertThat(VmSizes.generation2(unknown)).as(unknown).isEqualTo(VmSizes.Generation2.UNKNOWN);
    }
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
