package io.poolkeeper.azure;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link EmulatedAzure} per test class, reset to its seeded world before each test. Register it
 * as a static {@code @RegisterExtension} field; test instances may read {@link #azure()} in field
 * initializers, since they are created after the class started it.
 */
final class EmulatedAzurePerClass
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  private EmulatedAzure azure;

  @Override
  public void beforeAll(ExtensionContext context) {
    azure = EmulatedAzure.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    azure.close();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    azure.reset();
  }

  EmulatedAzure azure() {
    return azure;
  }
}
