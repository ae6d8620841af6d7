package io.poolkeeper.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.YamlDumpSettingsBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A build step on the CRDs crd-generator just wrote: puts each kind's printer columns in the order
 * its class declares its {@code @AdditionalPrinterColumn}s, so kubectl shows NAME READY ... AGE.
 *
 * <p>fabric8's crd-generator 7.5.2 sorts printer columns by JSONPath and has no attribute to order
 * them (AbstractCustomResourceHandler.handlePrinterColumns), which puts Age (.metadata...) before
 * every .status column; its CRDPostProcessor hook cannot be set from the Maven plugin. So the pom
 * runs this file with the JDK's source launcher in process-classes, right after the generator and
 * before -Pupdate-crds copies the result to crds/: {@code ./mvnw -Pupdate-crds process-classes}
 * stays the one regeneration command and CrdFilesAreUpToDateTest compares crds/ with what this step
 * wrote. It lives in src/test to stay out of the product jar. The CRD is written back with the
 * serializer settings the generator uses, so nothing but the column order changes.
 */
public final class PrinterColumnOrder {

  private PrinterColumnOrder() {}

  /** args[0]: the folder of generated CRDs, target/classes/META-INF/fabric8. */
  public static void main(String[] args) throws IOException, ClassNotFoundException {
    KubernetesSerialization serialization =
        new KubernetesSerialization(
            new ObjectMapper(), false, new YamlDumpSettingsBuilder().build());
    List<Path> files;
    try (Stream<Path> listing = Files.list(Path.of(args[0]))) {
      files = listing.filter(p -> p.getFileName().toString().endsWith("-v1.yml")).toList();
    }
    for (Path file : files) {
      String generated = Files.readString(file);
      CustomResourceDefinition crd =
          serialization.unmarshal(generated, CustomResourceDefinition.class);
      Class<?> kind =
          Class.forName(ApiGroup.class.getPackageName() + "." + crd.getSpec().getNames().getKind());
      for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
        version.setAdditionalPrinterColumns(
            inDeclaredOrder(version.getAdditionalPrinterColumns(), kind));
      }
      // Keep the generator's comment line; asYaml starts with a "---\n" the generator strips too.
      String comment = generated.substring(0, generated.indexOf("apiVersion:"));
      Files.writeString(file, comment + serialization.asYaml(crd).substring(4));
    }
  }

  private static List<CustomResourceColumnDefinition> inDeclaredOrder(
      List<CustomResourceColumnDefinition> columns, Class<?> kind) {
    List<String> declaredPaths =
        Stream.of(kind.getAnnotationsByType(AdditionalPrinterColumn.class))
            .map(AdditionalPrinterColumn::jsonPath)
            .toList();
    List<CustomResourceColumnDefinition> ordered = new ArrayList<>(columns);
    for (CustomResourceColumnDefinition column : ordered) {
      if (!declaredPaths.contains(column.getJsonPath())) {
        throw new IllegalStateException(
            kind.getSimpleName() + " has no @AdditionalPrinterColumn for " + column.getJsonPath());
      }
    }
    ordered.sort(Comparator.comparingInt(column -> declaredPaths.indexOf(column.getJsonPath())));
    return ordered;
  }
}
