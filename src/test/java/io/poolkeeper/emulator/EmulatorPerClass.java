package io.poolkeeper.emulator;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.poolkeeper.azure.AzureClients;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One emulator per test class, optionally reset and seeded with a world before each test. Register
 * it as a static {@code @RegisterExtension} field; test instances may read {@link #azure()}, {@link
 * #client()} and {@link #clients} in field initializers, since they are created after the class
 * started it. The emulator's own tests seed {@link TestWorld}; the adapter tests in {@code
 * io.poolkeeper.azure} seed their own world and talk to it through {@link AzureClients}.
 */
public final class EmulatorPerClass
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  private final EmulatorOptions options;
  private final Consumer<EmulatorAdmin> world;
  private AzureEmulator azure;
  private EmulatorClient client;

  private EmulatorPerClass(EmulatorOptions options, Consumer<EmulatorAdmin> world) {
    this.options = options;
    this.world = world;
  }

  /** Default options; reset and seeded with {@link TestWorld} before each test. */
  public static EmulatorPerClass seeded() {
    return seeded(EmulatorOptions.defaults());
  }

  public static EmulatorPerClass seeded(EmulatorOptions options) {
    return seededWith(options, TestWorld::seed);
  }

  /** Reset and seeded with {@code world} before each test. */
  public static EmulatorPerClass seededWith(
      EmulatorOptions options, Consumer<EmulatorAdmin> world) {
    return new EmulatorPerClass(options, world);
  }

  /** Default options; the tests seed what they need and nothing is reset between them. */
  public static EmulatorPerClass unseeded() {
    return new EmulatorPerClass(EmulatorOptions.defaults(), null);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    azure = AzureEmulator.start(options);
    client = new EmulatorClient(azure);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    azure.close();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (world != null) {
      azure.admin().reset();
      world.accept(azure.admin());
    }
  }

  public AzureEmulator azure() {
    return azure;
  }

  /** A raw HTTPS client for ARM and admin requests. */
  public EmulatorClient client() {
    return client;
  }

  /**
   * The operator's real SDK adapters pointed at this emulator, trusting its CA and nothing else,
   * retrying as {@code retry} says.
   */
  public AzureClients clients(AzureClients.RetrySettings retry) {
    return new AzureClients(
        new AzureClients.Settings(
            azure.endpoint(),
            AzureClients.emulatorCredential(),
            Optional.of(azure.caCertificate()),
            retry),
        new SimpleMeterRegistry());
  }
}
