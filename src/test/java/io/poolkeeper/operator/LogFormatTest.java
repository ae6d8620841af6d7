package io.poolkeeper.operator;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.Test;

class LogFormatTest {

  @Test
  void theJsonConfigurationLoadsWithoutErrorsAndEncodesJson() throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);

    configurator.doConfigure(LogFormat.class.getResource("/logback-json.xml"));

    assertThat(context.getStatusManager().getCopyOfStatusList())
        .noneMatch(status -> status.getLevel() >= Status.WARN);
    ConsoleAppender<?> appender =
        (ConsoleAppender<?>) context.getLogger("ROOT").getAppender("STDERR");
    assertThat(appender.getEncoder()).isInstanceOf(JsonEncoder.class);
  }

  @Test
  void aFailedReconcileIsNotLoggedAgainWithAStackByTheFrameworkInEitherFormat() throws Exception {
    for (String file : new String[] {"/logback.xml", "/logback-json.xml"}) {
      LoggerContext context = new LoggerContext();
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);

      configurator.doConfigure(LogFormat.class.getResource(file));

      assertThat(
              context
                  .getLogger("io.javaoperatorsdk.operator.processing.event.EventProcessor")
                  .isWarnEnabled())
          .as(file)
          .isFalse();
      assertThat(context.getLogger(ReconcileErrors.class).isInfoEnabled()).as(file).isTrue();
    }
  }
}
