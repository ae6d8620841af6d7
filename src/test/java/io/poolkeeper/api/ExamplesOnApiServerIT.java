package io.poolkeeper.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.poolkeeper.kubetest.RealApiServer;
import io.poolkeeper.kubetest.TestNamespaces;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every example applies with server-side apply, as a GitOps tool would apply it. */
@ExtendWith(RealApiServer.class)
class ExamplesOnApiServerIT {

  private final KubernetesClient client;

  ExamplesOnApiServerIT(KubernetesClient client) {
    this.client = client;
  }

  @Test
  void everyExampleAppliesWithServerSideApply() {
    String namespace = TestNamespaces.create(client, "examples");
    int applied = 0;
    for (Path file : ProjectFiles.yamlFiles(ProjectFiles.examples())) {
      for (ObjectNode object : ProjectFiles.documents(file)) {
        GenericKubernetesResource stored = TestNamespaces.apply(client, namespace, object);

        assertThat(stored.getMetadata().getUid()).as(file.getFileName().toString()).isNotBlank();
        if (stored.getApiVersion().startsWith(ApiGroup.NAME + "/")) {
          assertThat(stored.getMetadata().getGeneration()).isEqualTo(1L);
        }
        applied++;
      }
    }
    // Five objects in the first three examples, a pool and its Secret in production-pool.yaml.
    assertThat(applied).isEqualTo(7);
  }

  @Test
  void reapplyingAnUnchangedExampleChangesNothing() {
    String namespace = TestNamespaces.create(client, "reapply");
    List<ObjectNode> chain =
        ProjectFiles.documents(ProjectFiles.examples().resolve("render-chain.yaml"));
    chain.forEach(object -> TestNamespaces.apply(client, namespace, object));

    for (ObjectNode object : chain) {
      GenericKubernetesResource again = TestNamespaces.apply(client, namespace, object);
      assertThat(again.getMetadata().getGeneration()).isEqualTo(1L);
    }
  }

  /**
   * The counterpart of the root rules' broken variants: a name Azure cannot take is fine once the
   * Azure name is given.
   */
  @Test
  void aNameAzureCannotTakeIsAcceptedWithAnExplicitAzureName() {
    String namespace = TestNamespaces.create(client, "azure-names");
    ObjectNode pool = ProjectFiles.example("unmanaged-image-pool.yaml", "BatchPool");
    ((ObjectNode) pool.path("metadata")).put("name", "sim.pool.west-europe");
    ObjectNode image = ProjectFiles.example("render-chain.yaml", "ManagedImage");
    ((ObjectNode) image.path("metadata")).put("name", "render-base-" + "x".repeat(90));

    assertThat(TestNamespaces.apply(client, namespace, pool).getMetadata().getUid()).isNotBlank();
    assertThat(TestNamespaces.apply(client, namespace, image).getMetadata().getUid()).isNotBlank();
  }

  @Test
  void schemaDefaultsAreFilledInByTheApiServer() {
    String namespace = TestNamespaces.create(client, "defaults");
    GenericKubernetesResource pool =
        TestNamespaces.apply(
            client, namespace, ProjectFiles.example("unmanaged-image-pool.yaml", "BatchPool"));

    ObjectNode stored = client.getKubernetesSerialization().convertValue(pool, ObjectNode.class);
    assertThat(stored.at("/spec/scale/fixed/targetLowPriorityNodes").asInt()).isZero();
    assertThat(stored.at("/spec/scale/fixed/nodeDeallocationOption").asText()).isEqualTo("Requeue");
  }
}
