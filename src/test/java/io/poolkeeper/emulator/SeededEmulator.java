package io.poolkeeper.emulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One emulator per test class, reset to the seeded {@link TestWorld} before each test. Register it
 * as a static {@code @RegisterExtension} field; test instances may read {@link #azure()} and {@link
 * #client()} in field initializers, since they are created after the class started it.
 */
final class SeededEmulator implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  private final EmulatorOptions options;
  private AzureEmulator azure;
  private EmulatorClient client;

  SeededEmulator() {
    this(EmulatorOptions.defaults());
  }

  SeededEmulator(EmulatorOptions options) {
    this.options = options;
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
    azure.admin().reset();
    TestWorld.seed(azure.admin());
  }

  AzureEmulator azure() {
    return azure;
  }

  EmulatorClient client() {
    return client;
  }
}
