package io.poolkeeper.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolkeeper.api.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** deploy/grafana-dashboard.json, and the metrics its PromQL queries read. */
final class GrafanaDashboard {

  /** A metric name in PromQL; Poolkeeper's and JOSDK's all start with these prefixes. */
  private static final Pattern METRIC =
      Pattern.compile("\\b((?:poolkeeper|operator_sdk)_[a-zA-Z0-9_]+)\\b");

  private GrafanaDashboard() {}

  static JsonNode read() {
    try {
      return new ObjectMapper()
          .readTree(ProjectFiles.root().resolve("deploy/grafana-dashboard.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every PromQL expression: panel targets and query variables. */
  static List<String> expressions(JsonNode dashboard) {
    List<String> expressions = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        expressions.add(target.path("expr").asText());
      }
    }
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      if (variable.path("type").asText().equals("query")) {
        expressions.add(variable.path("query").path("query").asText());
      }
    }
    return expressions;
  }

  /** The metric names the queries read. */
  static Set<String> metrics(JsonNode dashboard) {
    Set<String> names = new TreeSet<>();
    for (String expression : expressions(dashboard)) {
      Matcher matcher = METRIC.matcher(expression);
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  /** The metric names in a Prometheus text exposition. */
  static Set<String> exported(String exposition) {
    Set<String> names = new TreeSet<>();
    for (String line : exposition.lines().toList()) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }
}
