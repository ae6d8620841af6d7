package io.poolkeeper.operator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the in-process operator logs while this is open, from DEBUG up, kept in memory instead of
 * printed: the operator's own classes, JOSDK, the Kubernetes client and the Azure SDK. Closing it
 * restores the loggers as they were.
 */
public final class CapturedLog implements AutoCloseable {

  private static final List<String> OPERATOR_LOGGERS =
      List.of("io.poolkeeper", "io.javaoperatorsdk", "io.fabric8.kubernetes", "com.azure");

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final List<Logger> loggers = new ArrayList<>();
  private final List<Level> levels = new ArrayList<>();
  private final List<Boolean> additivity = new ArrayList<>();

  private CapturedLog() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    appender.setContext(context);
    appender.start();
    for (String name : OPERATOR_LOGGERS) {
      Logger logger = context.getLogger(name);
      loggers.add(logger);
      levels.add(logger.getLevel());
      additivity.add(logger.isAdditive());
      logger.setLevel(Level.DEBUG);
      logger.setAdditive(false);
      logger.addAppender(appender);
    }
  }

  public static CapturedLog start() {
    return new CapturedLog();
  }

  /** Every line logged so far, with the stack traces of logged exceptions. */
  public String text() {
    StringBuilder text = new StringBuilder();
    synchronized (appender) {
      for (ILoggingEvent event : appender.list) {
        text.append(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        if (event.getThrowableProxy() != null) {
          text.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        text.append('\n');
      }
    }
    return text.toString();
  }

  @Override
  public void close() {
    for (int i = 0; i < loggers.size(); i++) {
      Logger logger = loggers.get(i);
      logger.detachAppender(appender);
      logger.setLevel(levels.get(i));
      logger.setAdditive(additivity.get(i));
    }
    appender.stop();
  }
}
