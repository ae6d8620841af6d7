package io.poolkeeper.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolkeeper.api.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmarks' table (printed, Markdown, so the README can show it as is) and their figures in
 * {@code target/bench/results.json}: each row a figure, the target it is held to, and whether the
 * run met it.
 */
public final class BenchReport {

  static final Path RESULTS = ProjectFiles.root().resolve("target/bench/results.json");

  /** One figure. {@code met} is null where there is no target. */
  record Row(String benchmark, String figure, String value, String target, Boolean met) {}

  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Object> figures = new LinkedHashMap<>();

  /** The table of one run: a row per figure, in the order. */
  static BenchReport of(
      BenchPlan plan,
      List<Convergence.Result> convergence,
      SteadyState.Result steady,
      Healing.Result healing,
      Footprint.Result footprint,
      ArmBudget budget) {
    BenchReport report = new BenchReport();
    String one = "1 convergence";
    for (Convergence.Result run : convergence) {
      boolean targeted = run.pools() == 1000;
      report.add(
          one,
          run.pools() + " pools in " + run.accounts() + " accounts: time to all Ready ÷ floor",
          number(run.ratio())
              + " ("
              + number(run.operatorSeconds())
              + " s ÷ "
              + number(run.floorSeconds())
              + " s)",
          targeted ? "≤ 2" : "",
          targeted ? run.ratio() <= 2 : null);
    }
    Convergence.Result largest = convergence.get(convergence.size() - 1);
    report.add(
        one,
        "Azure calls per new pool, apply to Ready (" + largest.pools() + " pools)",
        number((double) largest.poolReads() / largest.pools())
            + " reads, "
            + number((double) largest.poolWrites() / largest.pools())
            + " writes");
    report.add(
        one,
        "API server writes per pool, apply included: operator vs floor (" + largest.pools() + ")",
        number(largest.operatorApiWritesPerPool())
            + " vs "
            + number(largest.floorApiWritesPerPool()));
    report.figures("convergence", convergence);

    String two = "2 steady state";
    String window = steady.pools() + " pools, " + steady.intervals() + " intervals";
    report.add(
        two,
        "pool lists per account per interval (" + window + ")",
        number(steady.listsPerAccountPerInterval()),
        "1",
        steady.poolLists() == (long) steady.intervals() * steady.accounts());
    report.add(
        two,
        "other pool calls (GET one pool, PUT, PATCH, POST, DELETE)",
        String.valueOf(steady.poolReads() + steady.poolWrites()),
        "0",
        steady.poolReads() + steady.poolWrites() == 0);
    report.add(
        two,
        "Azure writes of any kind",
        String.valueOf(steady.poolWrites() + steady.otherWrites()),
        "0",
        steady.poolWrites() + steady.otherWrites() == 0);
    report.add(
        two,
        "pool calls per account per interval: Poolkeeper vs re-PUT every sync (GET + PUT per pool)",
        number(steady.callsPerAccountPerInterval())
            + " vs "
            + number(steady.rePutCallsPerAccountPerInterval()));
    report.add(
        two,
        "image chain reads per interval (1 ManagedImage, 1 GalleryImageVersion)",
        number(steady.otherReadsPerInterval()));
    report.add(
        two,
        "list rounds took (real time ÷ idle interval)",
        number(steady.elapsedIntervals()) + " intervals");
    report.figures("steadyState", steady);

    String three = "3 healing";
    report.add(
        three,
        healing.pools()
            + " pools, AllocationTimedout: failure to re-issued resize, beyond the backoff ("
            + number(healing.backoffIntervals())
            + " intervals), median / worst",
        number(healing.median()) + " / " + number(healing.worst()) + " busy intervals",
        "≤ 1",
        healing.worst() <= 1);
    report.figures("healing", healing);

    String four = "4 footprint";
    String objects = footprint.pools() + " BatchPools in " + footprint.namespaces() + " namespaces";
    report.add(
        four,
        "heap after full GC, every pool Ready (" + objects + ")",
        number(footprint.heapAfterFullGcMiB()) + " MiB",
        "≤ 256 MiB",
        footprint.heapAfterFullGcMiB() <= 256);
    report.add(
        four,
        "launch to first reconcile",
        number(footprint.startToFirstReconcileSeconds()) + " s",
        "≤ 5 s",
        footprint.startToFirstReconcileSeconds() <= 5);
    report.add(
        four,
        "resident set, JVM options " + String.join(" ", footprint.jvmOptions()),
        number(footprint.residentMiB()) + " MiB");
    report.add(
        four,
        "launch to every pool Ready (default poll intervals)",
        number(footprint.convergenceSeconds()) + " s");
    report.figures("footprint", footprint);

    String five = "5 ARM budget";
    report.add(
        five,
        "steady reads per hour, 20 000 pools in 200 accounts (budget 12 000)",
        number(budget.steadyReadsPerHour(20_000, 200))
            + " vs re-PUT "
            + number(ArmBudget.rePutReadsPerHour(20_000)));
    report.add(
        five,
        "steady writes per hour, 20 000 pools (budget 1 200)",
        number(budget.steadyWritesPerHour())
            + " vs re-PUT "
            + number(ArmBudget.rePutWritesPerHour(20_000)));
    report.add(
        five,
        "largest steady fleet in one subscription (100 pools per account)",
        budget.largestSteadyFleet() + " pools");
    report.add(
        five,
        "new pools per hour within the write budget; hours to create 20 000",
        number(budget.newPoolsPerHour()) + "; " + number(budget.hoursToCreate(20_000)) + " h");
    report.figures("armBudget", budget);
    report.figures(
        "armBudgetAt20000Pools",
        Map.of(
            "steadyReadsPerHour", budget.steadyReadsPerHour(20_000, 200),
            "steadyWritesPerHour", budget.steadyWritesPerHour(),
            "largestSteadyFleet", budget.largestSteadyFleet(),
            "hoursToCreate", budget.hoursToCreate(20_000)));
    return report;
  }

  void add(String benchmark, String figure, String value, String target, Boolean met) {
    rows.add(new Row(benchmark, figure, value, target, met));
  }

  void add(String benchmark, String figure, String value) {
    add(benchmark, figure, value, "", null);
  }

  /** Raw figures of one benchmark for the JSON file. */
  void figures(String benchmark, Object value) {
    figures.put(benchmark, value);
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  String table() {
    StringBuilder table = new StringBuilder();
    table.append("| Benchmark | Figure | Measured | Target | Met |\n");
    table.append("| --- | --- | --- | --- | --- |\n");
    for (Row row : rows) {
      table
          .append("| ")
          .append(row.benchmark())
          .append(" | ")
          .append(row.figure())
          .append(" | ")
          .append(row.value())
          .append(" | ")
          .append(row.target())
          .append(" | ")
          .append(row.met() == null ? "" : row.met() ? "yes" : "**no**")
          .append(" |\n");
    }
    return table.toString();
  }

  void write(BenchPlan plan, String machine) throws IOException {
    ObjectMapper json =
        new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("plan", plan.name());
    root.put("machine", machine);
    root.set("plannedSizes", json.valueToTree(plan));
    root.set("rows", json.valueToTree(rows));
    root.set("figures", json.valueToTree(figures));
    Files.createDirectories(RESULTS.getParent());
    json.writeValue(RESULTS.toFile(), root);
  }

  static String number(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
  }

  /** This machine, as the README's table names it: cores, memory, JVM, OS. */
  public static String machine() {
    Runtime runtime = Runtime.getRuntime();
    long memory = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memory = Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024;
        }
      }
    } catch (IOException | RuntimeException unknown) {
      memory = -1;
    }
    return runtime.availableProcessors()
        + " cores, "
        + (memory < 0 ? "unknown" : memory + " GiB")
        + " memory, Java "
        + System.getProperty("java.version")
        + ", "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.arch");
  }
}
