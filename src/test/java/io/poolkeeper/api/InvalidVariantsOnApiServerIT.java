package io.poolkeeper.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.poolkeeper.api.InvalidVariant.RejectedBy;
import io.poolkeeper.kubetest.RealApiServer;
import io.poolkeeper.kubetest.TestNamespaces;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every broken variant of invalid-variants.yaml is refused by the API server, with the field or the
 * rule's message in the error: schema and CEL variants on create, transition-rule variants on an
 * update of the object created from the unchanged example.
 */
@ExtendWith(RealApiServer.class)
class InvalidVariantsOnApiServerIT {

  private final KubernetesClient client;

  InvalidVariantsOnApiServerIT(KubernetesClient client) {
    this.client = client;
  }

  static Stream<InvalidVariant> variants() {
    return InvalidVariant.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void apiServerRefusesTheVariantWithItsMessage(InvalidVariant variant) {
    String namespace = TestNamespaces.create(client, "invalid");
    if (variant.rejectedBy() == RejectedBy.cel_update) {
      TestNamespaces.apply(client, namespace, variant.original());
    }

    assertThatThrownBy(() -> TestNamespaces.apply(client, namespace, variant.broken()))
        .as(variant.name())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(422);
              assertThat(e.getMessage()).contains(variant.expect());
            });
  }
}
