package io.poolkeeper.emulator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code poolkeeper emulator}: runs the Azure emulator with a real-time clock until interrupted,
 * printing where it listens and where its CA certificate is.
 */
@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    description = {
      "Runs an Azure emulator (ARM for images, galleries, Batch pools and locks) over HTTPS.",
      "Seed it and drive its clock and faults through the admin API under /_emulator/."
    })
public final class EmulatorCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "0",
      description = "HTTPS port on 127.0.0.1 (default: ${DEFAULT-VALUE}, any free port).")
  int port;

  @Option(
      names = "--speed",
      defaultValue = "60",
      description = "Simulated seconds per real second (default: ${DEFAULT-VALUE}).")
  double speed;

  @Option(
      names = "--node-rate",
      defaultValue = "20",
      description = "Nodes a resizing pool gains per simulated minute (default: ${DEFAULT-VALUE}).")
  double nodeRate;

  @Option(
      names = "--provisioning-duration",
      defaultValue = "PT3M",
      description =
          "Simulated time to create an image, gallery or definition (default: ${DEFAULT-VALUE}).")
  Duration provisioningDuration;

  @Option(
      names = "--replication-duration",
      defaultValue = "PT5M",
      description =
          "Simulated time to replicate an image version to a region (default: ${DEFAULT-VALUE}).")
  Duration replicationDuration;

  @Option(
      names = "--ca-file",
      description = "Where to write the CA certificate (PEM); default: a temporary directory.")
  Path caFile;

  @Override
  public Integer call() {
    EmulatorOptions options =
        EmulatorOptions.builder()
            .port(port)
            .realTime(speed)
            .nodesPerMinute(nodeRate)
            .provisioningDuration(provisioningDuration)
            .replicationDuration(replicationDuration)
            .caFile(caFile)
            .build();
    AzureEmulator emulator = AzureEmulator.start(options);
    Thread closeOnExit = new Thread(emulator::close, "azure-emulator-shutdown");
    Runtime.getRuntime().addShutdownHook(closeOnExit);
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "Azure emulator listening on " + withoutTrailingSlash(emulator.endpoint().toString()));
    out.println("CA certificate: " + emulator.caCertificateFile().toAbsolutePath());
    out.flush();
    try {
      // Serve until the JVM stops (Ctrl-C runs the shutdown hook) or this thread is interrupted.
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopOnInterrupt(emulator, closeOnExit);
    }
    return 0;
  }

  private static void stopOnInterrupt(AzureEmulator emulator, Thread closeOnExit) {
    try {
      Runtime.getRuntime().removeShutdownHook(closeOnExit);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting and the hook closes the emulator.
      return;
    }
    emulator.close();
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
