package io.poolkeeper.operator;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/** How the operator writes its log: lines for people, or JSON objects for a log collector. */
public enum LogFormat {
  TEXT,
  JSON;

  /** Reconfigures logback for this format; {@code TEXT} keeps logback.xml as it was loaded. */
  void apply() {
    if (this == TEXT) {
      return;
    }
    URL json = LogFormat.class.getResource("/logback-json.xml");
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(json);
    } catch (JoranException e) {
      throw new IllegalStateException("logback-json.xml in the jar is broken", e);
    }
  }
}
