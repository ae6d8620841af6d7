package io.poolkeeper.kubetest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.atomic.AtomicInteger;

/** Namespaces of their own for tests that share one API server, and applying YAML into them. */
public final class TestNamespaces {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestNamespaces() {}

  /** Creates a fresh namespace whose name starts with the prefix. */
  public static String create(KubernetesClient client, String prefix) {
    String name = prefix + "-" + COUNTER.incrementAndGet() + "-" + ProcessHandle.current().pid();
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  /**
   * Server-side applies one object (from YAML) into a namespace, as kubectl apply --server-side.
   */
  public static GenericKubernetesResource apply(
      KubernetesClient client, String namespace, ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    ((ObjectNode) copy.path("metadata")).put("namespace", namespace);
    GenericKubernetesResource resource =
        client.getKubernetesSerialization().convertValue(copy, GenericKubernetesResource.class);
    return client
        .resource(resource)
        .inNamespace(namespace)
        .fieldManager("poolkeeper-tests")
        .forceConflicts()
        .serverSideApply();
  }
}
