package riskguard.rules;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What the rules logged (logger {@code riskguard.rules}) while a test ran. */
final class RuleLog implements AutoCloseable {

  private final Logger logger = (Logger) LoggerFactory.getLogger("riskguard.rules");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  RuleLog() {
    appender.start();
    logger.addAppender(appender);
  }

  List<String> warnings() {
    return appender.list.stream()
        .filter(event -> event.getLevel() == ch.qos.logback.classic.Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
