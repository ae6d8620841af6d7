package io.poolkeeper.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests the API server has served, from its own {@code apiserver_request_total} metric, by
 * verb and resource ({@code "PATCH batchpools/status"}): where the benchmark's time goes on the
 * Kubernetes side, counted by the server rather than guessed.
 */
final class ApiServerCalls {

  private static final Pattern SAMPLE =
      Pattern.compile("(?m)^apiserver_request_total\\{([^}]*)} ([0-9.e+]+)$");
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private ApiServerCalls() {}

  /** The counts so far of every write (and list/watch/get) by verb and resource. */
  static Map<String, Long> now(KubernetesClient client) {
    String metrics = client.raw("/metrics");
    Map<String, Long> counts = new TreeMap<>();
    Matcher sample = SAMPLE.matcher(metrics == null ? "" : metrics);
    while (sample.find()) {
      Map<String, String> labels = new TreeMap<>();
      Matcher label = LABEL.matcher(sample.group(1));
      while (label.find()) {
        labels.put(label.group(1), label.group(2));
      }
      String resource = labels.getOrDefault("resource", "");
      if (resource.isEmpty()) {
        continue;
      }
      String subresource = labels.getOrDefault("subresource", "");
      String key =
          labels.getOrDefault("verb", "?")
              + " "
              + resource
              + (subresource.isEmpty() ? "" : "/" + subresource);
      counts.merge(key, (long) Double.parseDouble(sample.group(2)), Long::sum);
    }
    return counts;
  }

  /** What was served between two counts, without the kinds that did not change. */
  static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> served = new TreeMap<>();
    after.forEach(
        (key, count) -> {
          long added = count - before.getOrDefault(key, 0L);
          if (added > 0) {
            served.put(key, added);
          }
        });
    return served;
  }

  /** The writes among them (create, update, patch, server-side apply, delete). */
  static long writes(Map<String, Long> served) {
    return served.entrySet().stream()
        .filter(
            entry ->
                entry.getKey().startsWith("POST ")
                    || entry.getKey().startsWith("APPLY ")
                    || entry.getKey().startsWith("PUT ")
                    || entry.getKey().startsWith("PATCH ")
                    || entry.getKey().startsWith("DELETE "))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }
}
