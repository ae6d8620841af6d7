package io.poolkeeper.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What users and tools see of the CRDs: names, columns, subresources and descriptions. */
class CrdDefinitionTest {

  private final Map<String, JsonNode> crds = ProjectFiles.committedCrdsByKind();

  @Test
  void thereAreExactlyTheThreeNamespacedKindsOfPoolkeeperIo() {
    assertThat(crds).containsOnlyKeys("BatchPool", "GalleryImageVersion", "ManagedImage");
    crds.values()
        .forEach(
            crd -> {
              assertThat(crd.at("/spec/group").asText()).isEqualTo("poolkeeper.io");
              assertThat(crd.at("/spec/scope").asText()).isEqualTo("Namespaced");
              assertThat(crd.at("/spec/versions").size()).isEqualTo(1);
              assertThat(crd.at("/spec/versions/0/name").asText()).isEqualTo("v1alpha1");
              assertThat(crd.at("/spec/names/categories").toString()).isEqualTo("[\"poolkeeper\"]");
            });
  }

  @Test
  void shortNamesAreMiGivAndBp() {
    assertThat(crds.get("ManagedImage").at("/spec/names/shortNames").toString())
        .isEqualTo("[\"mi\"]");
    assertThat(crds.get("GalleryImageVersion").at("/spec/names/shortNames").toString())
        .isEqualTo("[\"giv\"]");
    assertThat(crds.get("BatchPool").at("/spec/names/shortNames").toString()).isEqualTo("[\"bp\"]");
  }

  /** Ready first and Age last, as kubectl users expect; PrinterColumnOrder makes it so. */
  @Test
  void printerColumnsShowReadinessAzureStateAndAgeInThatOrder() {
    assertThat(columns("ManagedImage"))
        .containsExactly(
            "Ready=.status.conditions[?(@.type==\"Ready\")].status",
            "State=.status.provisioningState",
            "Age=.metadata.creationTimestamp");
    assertThat(columns("GalleryImageVersion"))
        .containsExactly(
            "Ready=.status.conditions[?(@.type==\"Ready\")].status",
            "State=.status.provisioningState",
            "Replication=.status.replicationState",
            "Version=.spec.version",
            "Age=.metadata.creationTimestamp");
    assertThat(columns("BatchPool"))
        .containsExactly(
            "Ready=.status.conditions[?(@.type==\"Ready\")].status",
            "Allocation=.status.allocationState",
            "Current=.status.currentDedicatedNodes",
            "Target=.status.targetDedicatedNodes",
            "Age=.metadata.creationTimestamp");
  }

  @Test
  void everyKindHasAStatusSubresource() {
    crds.values()
        .forEach(
            crd -> assertThat(crd.at("/spec/versions/0/subresources/status").isObject()).isTrue());
  }

  @Test
  void batchPoolScalesByTargetDedicatedNodesAndNamesItsSelector() {
    JsonNode scale = crds.get("BatchPool").at("/spec/versions/0/subresources/scale");
    assertThat(scale.path("specReplicasPath").asText())
        .isEqualTo(".spec.scale.fixed.targetDedicatedNodes");
    assertThat(scale.path("statusReplicasPath").asText())
        .isEqualTo(".status.currentDedicatedNodes");
    assertThat(scale.path("labelSelectorPath").asText()).isEqualTo(".status.selector");
    assertThat(crds.get("ManagedImage").at("/spec/versions/0/subresources/scale").isMissingNode())
        .isTrue();
  }

  @Test
  void everyPropertyOfEverySchemaHasADescription() {
    List<String> undescribed = new ArrayList<>();
    crds.forEach(
        (kind, crd) ->
            collectUndescribed(
                kind, ProjectFiles.openApiSchema(crd).path("properties"), undescribed));
    assertThat(undescribed).as("properties without a description").isEmpty();
  }

  @Test
  void everyObjectSchemaStatesItsRequiredFields() {
    JsonNode spec = ProjectFiles.openApiSchema(crds.get("BatchPool")).at("/properties/spec");
    assertThat(spec.path("required").toString())
        .isEqualTo("[\"account\",\"image\",\"nodeAgentSkuId\",\"scale\",\"vmSize\"]");
  }

  private static void collectUndescribed(String path, JsonNode properties, List<String> out) {
    for (var field : properties.properties()) {
      String fieldPath = path + "." + field.getKey();
      JsonNode schema = field.getValue();
      if (schema.path("description").asText().isBlank()) {
        out.add(fieldPath);
      }
      collectUndescribed(fieldPath, schema.path("properties"), out);
      collectUndescribed(fieldPath + "[]", schema.path("items").path("properties"), out);
    }
  }

  private List<String> columns(String kind) {
    List<String> columns = new ArrayList<>();
    crds.get(kind)
        .at("/spec/versions/0/additionalPrinterColumns")
        .forEach(c -> columns.add(c.path("name").asText() + "=" + c.path("jsonPath").asText()));
    return columns;
  }
}
