package io.poolkeeper.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.poolkeeper.emulator.arm.EmulatorJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Azure reference data beside the repository ({@code ../shared/azure-reference}): Microsoft's
 * REST examples per api-version folder and recorded SDK traffic.
 */
final class ReferenceData {

  private ReferenceData() {}

  static Path root() {
    Path base = Path.of(System.getProperty("basedir", "."));
    return base.resolve("../shared/azure-reference").normalize();
  }

  /** Every REST example: {@code batch/}, {@code compute/}, {@code locks/}. */
  static List<Path> examples() {
    try (Stream<Path> files = Files.walk(root())) {
      return files
          .filter(file -> file.toString().endsWith(".json"))
          .filter(file -> !file.startsWith(root().resolve("recordings")))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> recordings() {
    try (Stream<Path> files = Files.list(root().resolve("recordings"))) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(Path file) {
    try {
      return EmulatorJson.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's path below the reference root, with forward slashes. */
  static String name(Path file) {
    return root().relativize(file).toString().replace('\\', '/');
  }
}
