package io.poolkeeper.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.api.ProjectFiles;
import io.poolkeeper.kubetest.Commands;
import io.poolkeeper.kubetest.Kubectl;
import io.poolkeeper.kubetest.RealApiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two ways to install Poolkeeper, rendered as a user renders them: {@code kubectl kustomize
 * deploy/kustomize/...} and {@code helm template} of deploy/helm/poolkeeper with the real helm CLI
 * (built from its Go module, hack/helm).
 */
final class Installs {

  static final Path KUSTOMIZE_BASE = ProjectFiles.root().resolve("deploy/kustomize/base");
  static final Path KUSTOMIZE_NAMESPACED =
      ProjectFiles.root().resolve("deploy/kustomize/overlays/namespaced");
  static final Path CHART = ProjectFiles.root().resolve("deploy/helm/poolkeeper");

  /** The kustomize base's namespace and ServiceAccount. */
  static final String KUSTOMIZE_NAMESPACE = "poolkeeper-system";

  static final String KUSTOMIZE_SERVICE_ACCOUNT = "poolkeeper";

  private Installs() {}

  static String kustomize(Kubectl kubectl, Path kustomization) {
    return kubectl.succeed("kustomize", kustomization.toString());
  }

  /** helm template RELEASE deploy/helm/poolkeeper --namespace NS --include-crds ARGS. */
  static Commands.Result helmTemplate(String release, String namespace, String... args) {
    return Commands.run(ProjectFiles.root(), chartTemplate(release, namespace, args));
  }

  /** helm template that must succeed: what it printed. */
  static String renderChart(String release, String namespace, String... args) {
    return Commands.succeed(ProjectFiles.root(), chartTemplate(release, namespace, args));
  }

  private static List<String> chartTemplate(String release, String namespace, String... args) {
    List<String> command =
        helm(
            "template",
            release,
            CHART.toString(),
            "--namespace",
            namespace,
            "--include-crds",
            KUBE_VERSION,
            RealApiServer.kubernetesVersion());
    command.addAll(List.of(args));
    return command;
  }

  /**
   * The option that tells helm template or lint the cluster's Kubernetes version, which helm
   * install learns from the cluster; a helm built from source would assume Kubernetes 1.20.
   */
  static final String KUBE_VERSION = "--kube-version";

  /** The command line of the helm CLI (built once per test run from hack/helm) with these args. */
  static List<String> helm(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(Commands.goTool("helm", "helm.sh/helm/v3/cmd/helm", "helm").toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** kubectl apply --server-side (with --dry-run=server when asked) of rendered manifests. */
  static String apply(Kubectl kubectl, String manifests, boolean dryRun) {
    try {
      Path file = Files.createTempFile("poolkeeper-install", ".yaml");
      try {
        Files.writeString(file, manifests);
        List<String> args =
            new ArrayList<>(
                List.of(
                    "apply",
                    "--server-side",
                    "--force-conflicts",
                    "--field-manager",
                    "poolkeeper-install",
                    "-f",
                    file.toString()));
        if (dryRun) {
          args.add("--dry-run=server");
        }
        return kubectl.succeed(args.toArray(String[]::new));
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a namespace unless it exists: a dry run cannot create one and fill it at once. */
  static void ensureNamespace(Kubectl kubectl, String namespace) {
    String manifest = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + namespace + "\n";
    apply(kubectl, manifest, false);
  }

  static List<ObjectNode> objects(String manifests) {
    return ProjectFiles.documents(manifests);
  }

  static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  /** The only Deployment of an install. */
  static ObjectNode deployment(List<ObjectNode> objects) {
    List<ObjectNode> deployments = ofKind(objects, "Deployment");
    if (deployments.size() != 1) {
      throw new AssertionError("expected one Deployment, found " + deployments.size());
    }
    return deployments.get(0);
  }

  /** The operator container's environment as name=value lines. */
  static List<String> environment(ObjectNode deployment) {
    List<String> env = new ArrayList<>();
    for (JsonNode variable : deployment.at("/spec/template/spec/containers/0/env")) {
      env.add(variable.path("name").asText() + "=" + variable.path("value").asText());
    }
    return env;
  }
}
