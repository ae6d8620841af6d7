package io.poolkeeper.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkeeper.api.InvalidVariant.RejectedBy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broken variants of invalid-variants.yaml: the schema ones are rejected by the schema; the CEL
 * ones are schema-valid (so only their rule can reject them) and name a rule the CRD has. The
 * API-server tests apply all of them.
 */
class InvalidVariantsTest {

  private static final Map<String, JsonNode> CRDS = ProjectFiles.committedCrdsByKind();
  private static final CrdSchemaValidator VALIDATOR = new CrdSchemaValidator(CRDS);

  static Stream<InvalidVariant> schemaVariants() {
    return InvalidVariant.rejectedBy(RejectedBy.schema).stream();
  }

  static Stream<InvalidVariant> celVariants() {
    return InvalidVariant.all().stream().filter(v -> v.rejectedBy() != RejectedBy.schema);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemaVariants")
  void schemaRejectsTheVariantNamingTheField(InvalidVariant variant) {
    assertThat(VALIDATOR.errors(variant.original())).as("the unbroken example").isEmpty();

    List<String> errors = VALIDATOR.errors(variant.broken());

    assertThat(errors).as(variant.name()).isNotEmpty();
    assertThat(String.join("\n", errors)).as(variant.name()).contains(variant.expect());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("celVariants")
  void celVariantPassesTheSchemaAndNamesARuleOfItsKind(InvalidVariant variant) {
    assertThat(VALIDATOR.errors(variant.broken()))
        .as("%s must pass the schema so that only its CEL rule can reject it", variant.name())
        .isEmpty();
    assertThat(ruleMessages(CRDS.get(variant.kind()))).contains(variant.expect());
  }

  @Test
  void everyCelRuleHasABrokenVariant() {
    Set<String> covered =
        celVariants().map(v -> v.kind() + ": " + v.expect()).collect(Collectors.toSet());
    Set<String> rules = new TreeSet<>();
    CRDS.forEach((kind, crd) -> ruleMessages(crd).forEach(m -> rules.add(kind + ": " + m)));

    assertThat(covered).containsExactlyInAnyOrderElementsOf(rules);
  }

  @Test
  void thereAreVariantsForEachKindOfMistake() {
    assertThat(InvalidVariant.all().stream().map(InvalidVariant::name))
        .contains(
            "pool-without-vm-size",
            "pool-image-id-of-a-storage-account",
            "negative-dedicated-node-count",
            "resize-timeout-under-five-minutes",
            "unknown-node-deallocation-option",
            "subnet-id-of-a-virtual-network",
            "azure-files-key-without-secret-key-ref",
            "blob-mount-identity-not-of-the-pool");
    assertThat(InvalidVariant.all().stream().map(InvalidVariant::name).distinct().count())
        .isEqualTo(InvalidVariant.all().size());
  }

  /** The messages of every x-kubernetes-validations rule in a CRD. */
  static List<String> ruleMessages(JsonNode crd) {
    List<String> messages = new ArrayList<>();
    collectRuleMessages(ProjectFiles.openApiSchema(crd), messages);
    return messages;
  }

  private static void collectRuleMessages(JsonNode schema, List<String> out) {
    if (schema.isMissingNode()) {
      return;
    }
    schema.path("x-kubernetes-validations").forEach(rule -> out.add(rule.path("message").asText()));
    schema.path("properties").forEach(property -> collectRuleMessages(property, out));
    collectRuleMessages(schema.path("items"), out);
  }
}
