package io.poolkeeper.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** What the sandbox puts into its cluster: the CRDs and the examples, both carried in the jar. */
final class SandboxObjects {

  /** The CRDs the build generates into the jar, the same files as crds/. */
  static final List<String> CRDS =
      List.of(
          "managedimages.poolkeeper.io-v1.yml",
          "galleryimageversions.poolkeeper.io-v1.yml",
          "batchpools.poolkeeper.io-v1.yml");

  /** The examples/ files, the chain first so that its objects come up first in the table. */
  static final List<String> EXAMPLES =
      List.of(
          "render-chain.yaml",
          "autoscale-pool.yaml",
          "unmanaged-image-pool.yaml",
          "production-pool.yaml");

  private static final String FIELD_MANAGER = "poolkeeper-sandbox";

  private SandboxObjects() {}

  /** Installs the CRDs with server-side apply and waits until the API server serves them. */
  static void installCrds(KubernetesClient client) {
    for (String name : CRDS) {
      try (InputStream in = resource("/META-INF/fabric8/" + name)) {
        CustomResourceDefinition crd = client.getKubernetesSerialization().unmarshal(in);
        client.resource(crd).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName(crd.getMetadata().getName())
            .waitUntilCondition(SandboxObjects::established, 60, TimeUnit.SECONDS);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Every object of the examples, in file order. */
  static List<ObjectNode> examples() {
    List<ObjectNode> objects = new ArrayList<>();
    for (String name : EXAMPLES) {
      try (InputStream in = resource("/sandbox/examples/" + name);
          MappingIterator<JsonNode> documents =
              SandboxSeed.YAML.readerFor(JsonNode.class).readValues(in)) {
        while (documents.hasNext()) {
          JsonNode document = documents.next();
          if (document instanceof ObjectNode object && object.has("kind")) {
            objects.add(object);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return objects;
  }

  /** Creates the objects' namespaces, then server-side applies the objects, as kubectl would. */
  static void apply(KubernetesClient client, List<ObjectNode> objects) {
    Set<String> namespaces = new LinkedHashSet<>();
    for (ObjectNode object : objects) {
      String namespace = object.path("metadata").path("namespace").asText("");
      if (!namespace.isEmpty()) {
        namespaces.add(namespace);
      }
    }
    for (String namespace : namespaces) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .fieldManager(FIELD_MANAGER)
          .forceConflicts()
          .serverSideApply();
    }
    for (ObjectNode object : objects) {
      GenericKubernetesResource resource =
          client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
      client.resource(resource).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    }
  }

  private static InputStream resource(String path) {
    return Objects.requireNonNull(
        SandboxObjects.class.getResourceAsStream(path), path + " is missing from the jar");
  }
}
