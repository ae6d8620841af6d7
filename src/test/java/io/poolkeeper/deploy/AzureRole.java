package io.poolkeeper.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolkeeper.api.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Azure custom role of deploy/azure/poolkeeper-operator-role.json, and whether it grants a
 * request as the emulator counts it ("PUT Microsoft.Compute/images"): ARM authorizes GET as
 * {type}/read, PUT and PATCH as {type}/write, DELETE as {type}/delete and POST as {type}/action.
 */
final class AzureRole {

  static final java.nio.file.Path FILE =
      ProjectFiles.root().resolve("deploy/azure/poolkeeper-operator-role.json");

  /** Where the emulator's label for a resource type is not the type ARM authorizes. */
  private static final Map<String, String> ARM_TYPES =
      Map.of(
          "Microsoft.Resources/resourceGroups", "Microsoft.Resources/subscriptions/resourceGroups",
          "Microsoft.Resources/operationResults",
              "Microsoft.Resources/subscriptions/operationresults");

  private AzureRole() {}

  static List<String> actions() {
    try {
      JsonNode role = new ObjectMapper().readTree(FILE.toFile());
      List<String> actions = new ArrayList<>();
      role.path("Actions").forEach(action -> actions.add(action.asText()));
      return actions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the role's actions (case-insensitive, as ARM compares them) cover the request. */
  static boolean grants(String request) {
    String action = action(request).toLowerCase(Locale.ROOT);
    return actions().stream()
        .map(granted -> granted.toLowerCase(Locale.ROOT))
        .anyMatch(
            granted ->
                granted.equals(action)
                    || (granted.endsWith("/*")
                        && action.startsWith(granted.substring(0, granted.length() - 1))));
  }

  /** The RBAC action ARM checks for a request the emulator counted as "METHOD type". */
  static String action(String request) {
    int space = request.indexOf(' ');
    String method = request.substring(0, space);
    String type = request.substring(space + 1);
    type = ARM_TYPES.getOrDefault(type, type);
    return switch (method) {
      case "GET", "HEAD" -> type + "/read";
      case "PUT", "PATCH" -> type + "/write";
      case "DELETE" -> type + "/delete";
      case "POST" -> type + "/action";
      default -> throw new IllegalArgumentException("no RBAC action for " + request);
    };
  }
}
