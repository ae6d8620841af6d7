package io.poolkeeper.emulator;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.poolkeeper.emulator.arm.ApiVersions;
import io.poolkeeper.emulator.arm.ArmGateway;
import io.poolkeeper.emulator.arm.ArmRouter;
import io.poolkeeper.emulator.arm.EmulatorState;
import io.poolkeeper.emulator.arm.ResourceHandler;
import io.poolkeeper.emulator.batch.BatchAccountHandler;
import io.poolkeeper.emulator.batch.PoolHandler;
import io.poolkeeper.emulator.compute.GalleryHandler;
import io.poolkeeper.emulator.compute.GalleryImageDefinitionHandler;
import io.poolkeeper.emulator.compute.GalleryImageVersionHandler;
import io.poolkeeper.emulator.compute.ImageHandler;
import io.poolkeeper.emulator.compute.ReferencedResourceHandler;
import io.poolkeeper.emulator.compute.SnapshotHandler;
import io.poolkeeper.emulator.server.AdminHttpHandler;
import io.poolkeeper.emulator.server.EmulatorCertificates;
import io.poolkeeper.emulator.server.EmulatorHttpHandler;
import io.poolkeeper.tls.TrustedCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * An in-process Azure emulator on {@code https://127.0.0.1:<port>/}: Azure Resource Manager for
 * resource groups, snapshots, managed images, compute galleries, Batch accounts and pools, and
 * management locks, with a controllable clock and faults. Clients authenticate with any bearer
 * token and trust the CA certificate the emulator generates at start ({@link
 * #caCertificateFile()}).
 *
 * <pre>{@code
 * try (AzureEmulator azure = AzureEmulator.start(EmulatorOptions.defaults())) {
 *   azure.admin().addResourceGroup(subscription, "rg-batch", "westeurope");
 *   // point the Azure SDK at azure.endpoint(), trusting azure.caCertificate()
 *   azure.admin().advanceClock(Duration.ofMinutes(5));
 * }
 * }</pre>
 */
public final class AzureEmulator implements AutoCloseable {

  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private final HttpsServer server;
  private final ExecutorService executor;
  private final URI endpoint;
  private final EmulatorCertificates certificates;
  private final Path caCertificateFile;
  private final boolean ownsCaFile;
  private final EmulatorClock clock;
  private final EmulatorAdmin admin;

  private AzureEmulator(
      HttpsServer server,
      ExecutorService executor,
      URI endpoint,
      EmulatorCertificates certificates,
      Path caCertificateFile,
      boolean ownsCaFile,
      EmulatorClock clock,
      EmulatorAdmin admin) {
    this.server = server;
    this.executor = executor;
    this.endpoint = endpoint;
    this.certificates = certificates;
    this.caCertificateFile = caCertificateFile;
    this.ownsCaFile = ownsCaFile;
    this.clock = clock;
    this.admin = admin;
  }

  /** Generates the certificates, writes the CA file and starts serving. */
  public static AzureEmulator start(EmulatorOptions options) {
    // The JDK server writes headers and body separately; without TCP_NODELAY every answer waits
    // for a delayed ACK (about 40 ms). The JDK reads this once, when its first server starts.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
    EmulatorCertificates certificates = EmulatorCertificates.generate();
    Path caFile = writeCaFile(options.caFile(), certificates.caPem());
    EmulatorClock clock =
        options.clockMode() == EmulatorOptions.ClockMode.SIMULATED
            ? EmulatorClock.simulated(options.simulatedStart())
            : EmulatorClock.realTime(options.speed());
    ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
    try {
      HttpsServer server =
          HttpsServer.create(
              new InetSocketAddress(InetAddress.getByName("127.0.0.1"), options.port()), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(certificates.serverContext()));
      URI endpoint = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
      EmulatorState state = new EmulatorState(options, clock);
      ArmRouter router = new ArmRouter(state, resourceHandlers(state));
      ArmGateway gateway = new ArmGateway(state, router);
      EmulatorAdmin admin = new EmulatorAdmin(state, gateway, router, endpoint);
      server.createContext(
          "/", new EmulatorHttpHandler(gateway, new AdminHttpHandler(admin, clock), endpoint));
      server.setExecutor(executor);
      server.start();
      return new AzureEmulator(
          server, executor, endpoint, certificates, caFile, options.caFile() == null, clock, admin);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("could not start the Azure emulator", e);
    }
  }

  /** The ARM endpoint, such as {@code https://127.0.0.1:8443/}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The PEM file holding the CA certificate clients should trust. */
  public Path caCertificateFile() {
    return caCertificateFile;
  }

  public X509Certificate caCertificate() {
    return certificates.caCertificate();
  }

  /** A client TLS context that trusts the emulator's CA, and only it. */
  public SSLContext clientSslContext() {
    return TrustedCertificates.trusting(certificates.caCertificate());
  }

  public EmulatorClock clock() {
    return clock;
  }

  public EmulatorAdmin admin() {
    return admin;
  }

  /** Stops serving; deletes the CA file if the emulator chose where to write it. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    if (ownsCaFile) {
      try {
        Files.deleteIfExists(caCertificateFile);
        Files.deleteIfExists(caCertificateFile.getParent());
      } catch (IOException e) {
        // A leftover temporary file is harmless; the next start writes a new one.
      }
    }
  }

  // The providers' handler classes and constructors are public only so that this list can be
  // built here, where the emulator is put together.
  private static List<ResourceHandler> resourceHandlers(EmulatorState state) {
    return List.of(
        new SnapshotHandler(state),
        new ImageHandler(state),
        new GalleryHandler(state),
        new GalleryImageDefinitionHandler(state),
        new GalleryImageVersionHandler(state),
        new ReferencedResourceHandler(state, ReferencedResourceHandler.DISKS, ApiVersions.DISKS),
        new ReferencedResourceHandler(
            state, ReferencedResourceHandler.VIRTUAL_MACHINES, ApiVersions.VIRTUAL_MACHINES),
        new BatchAccountHandler(state),
        new PoolHandler(state));
  }

  private static Path writeCaFile(Path requested, String pem) {
    try {
      Path file =
          requested != null
              ? requested.toAbsolutePath()
              : Files.createTempDirectory("poolkeeper-emulator-").resolve("ca.pem");
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, pem, StandardCharsets.US_ASCII);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the emulator's CA certificate", e);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "azure-emulator-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
