package io.poolkeeper.emulator.arm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Region names both ways, as {@code az account list-locations} pairs them and as Compute answers
 * gallery image version regions (GalleryRP/2025-03-03 examples: "West US", "East US").
 */
class AzureRegionsTest {

  @Test
  void programmaticNamesBecomeDisplayNames() {
    assertThat(AzureRegions.displayName("westeurope")).isEqualTo("West Europe");
    assertThat(AzureRegions.displayName("eastus2")).isEqualTo("East US 2");
    assertThat(AzureRegions.displayName("uksouth")).isEqualTo("UK South");
    assertThat(AzureRegions.displayName("centraluseuap")).isEqualTo("Central US EUAP");
    assertThat(AzureRegions.displayName("West Central US")).isEqualTo("West Central US");
    assertThat(AzureRegions.displayName("WestUS2")).isEqualTo("West US 2");
  }

  @Test
  void anUnknownRegionIsKeptAsGiven() {
    assertThat(AzureRegions.displayName("moonbase1")).isEqualTo("moonbase1");
  }

  @Test
  void spellingsOfOneRegionAreTheSame() {
    assertThat(AzureRegions.same("West Europe", "westeurope")).isTrue();
    assertThat(AzureRegions.same("West Europe", "northeurope")).isFalse();
    assertThat(AzureRegions.programmaticNames()).contains("westeurope", "swedencentral", "westus3");
  }
}
