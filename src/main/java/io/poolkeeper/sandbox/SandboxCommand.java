package io.poolkeeper.sandbox;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.poolkeeper.UserError;
import io.poolkeeper.api.BatchPool;
import io.poolkeeper.api.Condition;
import io.poolkeeper.api.GalleryImageVersion;
import io.poolkeeper.api.ManagedImage;
import io.poolkeeper.api.ObservedStatus;
import io.poolkeeper.azure.AzureClients;
import io.poolkeeper.emulator.AzureEmulator;
import io.poolkeeper.emulator.EmulatorOptions;
import io.poolkeeper.operator.Conditions;
import io.poolkeeper.operator.OperatorContext;
import io.poolkeeper.operator.OperatorMetrics;
import io.poolkeeper.operator.OperatorSettings;
import io.poolkeeper.operator.PoolkeeperOperator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code poolkeeper sandbox}: the whole product on one machine. A kube-apiserver and etcd of its
 * own with the CRDs, the Azure emulator sped up and seeded, the operator in-process at the same
 * time scale, the examples applied, a live table of every object and a short tour. Everything it
 * starts and writes goes away when it ends, by itself or on Ctrl-C.
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "Runs Poolkeeper end to end on this machine: a local kube-apiserver and etcd, the Azure"
          + " emulator and the operator, with the examples applied and a short tour.",
      "Needs the kube-apiserver, etcd and kubectl of hack/kube-binaries (built with Go when"
          + " missing). Ctrl-C stops everything and removes its temporary files."
    })
public final class SandboxCommand implements Callable<Integer> {

  /** The exit status of a command stopped by SIGINT, as shells report it. */
  static final int INTERRUPTED = 130;

  /** Free memory below which etcd, kube-apiserver and this JVM would not all fit. */
  static final long MINIMUM_AVAILABLE_MIB = 768;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--speed",
      defaultValue = "10",
      paramLabel = "N",
      description =
          "Simulated seconds per real second for the emulator and the operator (default:"
              + " ${DEFAULT-VALUE}: about two minutes to the end of the tour).")
  double speed;

  @Option(
      names = "--seed",
      paramLabel = "FILE",
      description =
          "YAML file of what the emulator holds at start (subscriptions, resource groups,"
              + " snapshots, Batch accounts); default: the one in the jar, shown by --print-seed.")
  Path seedFile;

  @Option(names = "--print-seed", description = "Print the default seed file and exit.")
  boolean printSeed;

  @Option(names = "--no-examples", description = "Start with no objects (implies --keep-running).")
  boolean noExamples;

  @Option(names = "--no-tour", description = "Skip the tour once the chain is Ready.")
  boolean noTour;

  @Option(
      names = "--keep-running",
      description = "Stay up after the tour until Ctrl-C (or SIGTERM).")
  boolean keepRunning;

  @Option(
      names = "--emulator-port",
      defaultValue = "0",
      paramLabel = "PORT",
      description = "HTTPS port of the Azure emulator on 127.0.0.1 (default: any free port).")
  int emulatorPort;

  @Option(
      names = "--kube-port",
      defaultValue = "0",
      paramLabel = "PORT",
      description = "HTTPS port of kube-apiserver on 127.0.0.1 (default: any free port).")
  int kubePort;

  @Option(
      names = "--kube-binaries",
      paramLabel = "DIR",
      description =
          "Folder holding kube-apiserver, etcd and kubectl (default: the newest under"
              + " ~/.kubeapitest/k8s, built by hack/kube-binaries/build.sh when missing).")
  Path kubeBinaries;

  @Option(
      names = "--plain",
      description = "Print plain lines even on a terminal, instead of redrawing the table.")
  boolean plain;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (printSeed) {
      try (var in = SandboxSeed.class.getResourceAsStream(SandboxSeed.DEFAULT_RESOURCE)) {
        out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        out.flush();
      }
      return 0;
    }
    if (!(speed > 0) || Double.isInfinite(speed) || speed > 1000) {
      throw new UserError("--speed must be a number above 0 and at most 1000, was " + speed);
    }
    if (emulatorPort != 0) {
      Ports.requireFree(emulatorPort, "--emulator-port");
    }
    if (kubePort != 0) {
      Ports.requireFree(kubePort, "--kube-port");
    }
    SandboxSeed seed = seedFile == null ? SandboxSeed.defaults() : SandboxSeed.read(seedFile);
    Memory.requireAvailable(MINIMUM_AVAILABLE_MIB);
    KubeBinaries binaries =
        kubeBinaries != null
            ? KubeBinaries.in(kubeBinaries)
            : KubeBinaries.findOrBuild(Path.of("").toAbsolutePath(), out);

    try (Sandbox sandbox = new Sandbox()) {
      Thread stopOnSignal = new Thread(sandbox::close, "poolkeeper-sandbox-shutdown");
      Runtime.getRuntime().addShutdownHook(stopOnSignal);
      try {
        return run(sandbox, seed, binaries, out);
      } catch (RuntimeException e) {
        if (sandbox.isClosed()) {
          // Ctrl-C or SIGTERM stopped what this was waiting for: not a failure.
          return INTERRUPTED;
        }
        throw e;
      } finally {
        removeHook(stopOnSignal);
      }
    }
  }

  private int run(Sandbox sandbox, SandboxSeed seed, KubeBinaries binaries, PrintWriter out)
      throws InterruptedException {
    Path directory = sandbox.directory;
    sandbox.logTo(directory.resolve("operator.log"));
    out.println("Starting kube-apiserver and etcd (" + binaries.kubeApiServer().getParent() + ")");
    out.flush();
    sandbox.cluster = LocalCluster.start(binaries, directory, kubePort);
    out.println("KUBECONFIG=" + sandbox.cluster.kubeconfig());
    out.flush();
    sandbox.client = sandbox.cluster.client();
    SandboxObjects.installCrds(sandbox.client);

    sandbox.emulator =
        AzureEmulator.start(
            EmulatorOptions.builder()
                .port(emulatorPort)
                .realTime(speed)
                .caFile(directory.resolve("emulator-ca.pem"))
                .build());
    String emulatorUrl = withoutTrailingSlash(sandbox.emulator.endpoint().toString());
    out.println("AZURE_EMULATOR=" + emulatorUrl);
    out.println("AZURE_EMULATOR_CA=" + sandbox.emulator.caCertificateFile());
    out.flush();
    try {
      seed.applyTo(sandbox.emulator);
    } catch (IllegalArgumentException e) {
      throw new UserError("the seed cannot be applied: " + e.getMessage());
    }

    // The sandbox shows its pools in its own table; its metrics are kept but not served.
    OperatorMetrics metrics = new OperatorMetrics(new SimpleMeterRegistry());
    AzureClients azure =
        new AzureClients(
            new AzureClients.Settings(
                sandbox.emulator.endpoint(),
                AzureClients.emulatorCredential(),
                Optional.of(sandbox.emulator.caCertificate()),
                AzureClients.RetrySettings.defaults()),
            metrics.registry());
    OperatorSettings settings =
        new OperatorSettings(
            Optional.of(seed.defaultSubscription()), Set.of(), Optional.empty(), true, speed);
    sandbox.operator =
        PoolkeeperOperator.start(
            sandbox.client,
            OperatorContext.create(
                settings, sandbox.emulator.clock(), azure, sandbox.client, metrics));
    out.println(
        "Operator and Azure emulator running at "
            + speed
            + "x speed (operator log: "
            + directory.resolve("operator.log")
            + ")");
    out.flush();

    boolean terminal = !plain && System.console() != null;
    LiveTable table = new LiveTable(out, terminal, terminalWidth(terminal));
    sandbox.startTable(table);

    if (noExamples) {
      table.message(
          "No examples applied (--no-examples); apply your own with "
              + binaries.kubectl()
              + " --kubeconfig "
              + sandbox.cluster.kubeconfig()
              + " apply -f FILE. Running until Ctrl-C.");
      sandbox.awaitSignal();
      return 0;
    }
    SandboxObjects.apply(sandbox.client, SandboxObjects.examples());
    table.message("Applied examples/: " + String.join(", ", SandboxObjects.EXAMPLES));
    Tour tour = new Tour(sandbox.client, sandbox.emulator.admin(), table, stepTimeout());
    tour.awaitChainReady();
    if (noTour) {
      table.message("Tour skipped (--no-tour).");
    } else {
      tour.run();
    }
    sandbox.refreshTable();
    table.message(notReadyReport(sandbox.client));
    table.message(
        Tour.tryNext(
            binaries.kubectl(),
            sandbox.cluster.kubeconfig(),
            emulatorUrl,
            sandbox.emulator.caCertificateFile()));
    if (keepRunning) {
      table.message("Running until Ctrl-C.");
      sandbox.awaitSignal();
    }
    sandbox.stopTable();
    return 0;
  }

  /** Every object that is not Ready, with why, so that nothing unfinished looks done. */
  private static String notReadyReport(KubernetesClient client) {
    List<String> lines =
        Stream.of(
                client.resources(ManagedImage.class).inAnyNamespace().list(),
                client.resources(GalleryImageVersion.class).inAnyNamespace().list(),
                client.resources(BatchPool.class).inAnyNamespace().list())
            .flatMap(list -> list.getItems().stream())
            .map(SandboxCommand::notReady)
            .flatMap(Optional::stream)
            .toList();
    if (lines.isEmpty()) {
      return "Every object is Ready.";
    }
    return "Not Ready:\n" + String.join("\n", lines);
  }

  private static Optional<String> notReady(CustomResource<?, ? extends ObservedStatus> object) {
    Condition ready =
        object.getStatus() == null
            ? null
            : Conditions.find(object.getStatus().getConditions(), Conditions.READY);
    if (ready != null && "True".equals(ready.getStatus())) {
      return Optional.empty();
    }
    String why = ready == null ? "no status yet" : ready.getReason() + ": " + ready.getMessage();
    return Optional.of("  " + object.getKind() + "/" + object.getMetadata().getName() + ": " + why);
  }

  /** Each waiting step may take three simulated hours, and never less than two real minutes. */
  private Duration stepTimeout() {
    Duration simulated = Duration.ofSeconds((long) (Duration.ofHours(3).toSeconds() / speed));
    return simulated.compareTo(Duration.ofMinutes(2)) < 0 ? Duration.ofMinutes(2) : simulated;
  }

  /**
   * Table lines longer than the terminal would wrap and spoil the redraw: the width from COLUMNS,
   * else from {@code stty size} on the terminal, else 100.
   */
  private static int terminalWidth(boolean terminal) {
    String columns = System.getenv("COLUMNS");
    if (columns != null && columns.matches("\\d{2,4}")) {
      return Integer.parseInt(columns);
    }
    if (!terminal) {
      return 200;
    }
    try {
      Process stty =
          new ProcessBuilder("stty", "size")
              .redirectInput(new java.io.File("/dev/tty"))
              .redirectErrorStream(true)
              .start();
      String size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      if (stty.waitFor(5, TimeUnit.SECONDS) && size.strip().matches("\\d+ \\d{2,4}")) {
        return Integer.parseInt(size.strip().split(" ")[1]);
      }
    } catch (IOException unknown) {
      // No stty (not a Unix terminal): the default below.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 100;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting (Ctrl-C) and the hook closes the sandbox.
    }
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * Everything the sandbox started, closed once in reverse order: by the command when it ends, or
   * by the shutdown hook on Ctrl-C or SIGTERM.
   */
  static final class Sandbox implements AutoCloseable {

    final Path directory;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private ScheduledExecutorService tableRefresh;
    private LiveTable table;
    LocalCluster cluster;
    KubernetesClient client;
    AzureEmulator emulator;
    PoolkeeperOperator operator;
    private FileAppender<ILoggingEvent> logFile;
    private boolean closed;

    Sandbox() {
      try {
        directory = Files.createTempDirectory("poolkeeper-sandbox-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a temporary directory", e);
      }
    }

    /** Sends the operator's and the libraries' log lines to a file, away from the table. */
    void logTo(Path file) {
      LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
      PatternLayoutEncoder encoder = new PatternLayoutEncoder();
      encoder.setContext(context);
      encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
      encoder.start();
      FileAppender<ILoggingEvent> appender = new FileAppender<>();
      appender.setContext(context);
      appender.setFile(file.toString());
      appender.setEncoder(encoder);
      appender.start();
      Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      root.detachAndStopAllAppenders();
      root.addAppender(appender);
      root.setLevel(Level.WARN);
      logFile = appender;
    }

    void startTable(LiveTable table) {
      this.table = table;
      tableRefresh =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "poolkeeper-sandbox-table");
                thread.setDaemon(true);
                return thread;
              });
      tableRefresh.scheduleWithFixedDelay(this::refreshTable, 0, 1, TimeUnit.SECONDS);
    }

    void refreshTable() {
      try {
        table.show(LiveTable.rows(client));
      } catch (RuntimeException unavailable) {
        // The API server is stopping or busy; the next refresh shows the table again.
      }
    }

    void stopTable() {
      if (tableRefresh != null) {
        tableRefresh.shutdownNow();
        try {
          tableRefresh.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        tableRefresh = null;
        table.finish();
      }
    }

    /** Blocks until the sandbox is closed by a signal. */
    void awaitSignal() throws InterruptedException {
      stopped.await();
    }

    synchronized boolean isClosed() {
      return closed;
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (tableRefresh != null) {
        tableRefresh.shutdownNow();
      }
      if (operator != null) {
        operator.close();
      }
      if (client != null) {
        client.close();
      }
      if (emulator != null) {
        emulator.close();
      }
      if (cluster != null) {
        cluster.close();
      }
      if (logFile != null) {
        logFile.stop();
      }
      deleteRecursively(directory);
      stopped.countDown();
    }

    private static void deleteRecursively(Path root) {
      if (!Files.exists(root)) {
        return;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        System.err.println("poolkeeper sandbox: could not remove " + root + ": " + e.getMessage());
      }
    }
  }
}
