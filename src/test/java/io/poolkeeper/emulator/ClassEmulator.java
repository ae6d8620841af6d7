package io.poolkeeper.emulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One emulator per test class, optionally reset to the seeded {@link TestWorld} before each test.
 * Register it as a static {@code @RegisterExtension} field; test instances may read {@link
 * #azure()} and {@link #client()} in field initializers, since they are created after the class
 * started it.
 */
final class ClassEmulator implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  private final EmulatorOptions options;
  private final boolean seedEachTest;
  private AzureEmulator azure;
  private EmulatorClient client;

  private ClassEmulator(EmulatorOptions options, boolean seedEachTest) {
    this.options = options;
    this.seedEachTest = seedEachTest;
  }

  /** Default options; reset and seeded before each test. */
  static ClassEmulator seeded() {
    return seeded(EmulatorOptions.defaults());
  }

  static ClassEmulator seeded(EmulatorOptions options) {
    return new ClassEmulator(options, true);
  }

  /** Default options; the tests seed what they need and nothing is reset between them. */
  static ClassEmulator unseeded() {
    return new ClassEmulator(EmulatorOptions.defaults(), false);
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
    if (seedEachTest) {
      azure.admin().reset();
      TestWorld.seed(azure.admin());
    }
  }

  AzureEmulator azure() {
    return azure;
  }

  EmulatorClient client() {
    return client;
  }
}
