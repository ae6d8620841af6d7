package io.poolkeeper.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.poolkeeper.api.ProjectFiles;
import io.poolkeeper.bench.BenchReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The campaigns' rows as a Markdown table, printed and written to {@code
 * target/reliability/results.md}, with every row and what was lost in {@code results.json}.
 */
final class ReliabilityReport {

  static final Path RESULTS = ProjectFiles.root().resolve("target/reliability/results.json");

  private final ReliabilityPlan plan;
  private final List<CampaignResult> rows = new ArrayList<>();

  ReliabilityReport(ReliabilityPlan plan) {
    this.plan = plan;
  }

  synchronized void add(CampaignResult result) {
    rows.add(result);
    System.out.println("reliability: " + result);
  }

  synchronized String table() {
    StringBuilder table = new StringBuilder();
    table.append("| Campaign | Runs | Faults injected | Converged | Lost | Figures |\n");
    table.append("|---|---:|---:|---:|---:|---|\n");
    for (CampaignResult row : rows) {
      table.append(
          String.format(
              "| %s | %d | %d | %d of %d | %d | %s |%n",
              row.campaign(),
              row.runs(),
              row.faultsInjected(),
              row.converged(),
              row.objects(),
              row.lost().size(),
              row.figures().replace("|", "\\|")));
    }
    return table.toString();
  }

  synchronized void write() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("plan", plan);
    document.put("machine", BenchReport.machine());
    document.put("campaigns", rows);
    try {
      Files.createDirectories(RESULTS.getParent());
      new ObjectMapper()
          .findAndRegisterModules()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .writeValue(RESULTS.toFile(), document);
      Files.writeString(RESULTS.resolveSibling("results.md"), table());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
