package riskguard.app.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * The daemon's logging beyond {@code logback.xml}: the level chosen with {@code --log-level}
 * and a rolling file next to the database ({@code logs/riskguard.log}, one file a day or
 * 20 MB, 30 days kept), which is known only once the config is read.
 */
final class LogSetup {

  private LogSetup() {}

  /** Sets riskguard's own log level ({@code TRACE} … {@code ERROR}); libraries stay as configured. */
  static void level(String name) {
    Level level = Level.toLevel(name.toUpperCase(Locale.ROOT), null);
    if (level == null) {
      throw new IllegalArgumentException("--log-level must be one of TRACE, DEBUG, INFO, WARN, ERROR; got " + name);
    }
    context().getLogger("riskguard").setLevel(level);
  }

  /** Adds the rolling file under {@code dir}. */
  static void toFile(Path dir) {
    LoggerContext context = context();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(LogLayout.FILE);
    encoder.start();

    RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
    file.setContext(context);
    file.setName("file");
    file.setFile(dir.resolve("riskguard.log").toString());
    SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
    rolling.setContext(context);
    rolling.setParent(file);
    rolling.setFileNamePattern(dir.resolve("riskguard-%d{yyyy-MM-dd}.%i.log.gz").toString());
    rolling.setMaxFileSize(FileSize.valueOf("20MB"));
    rolling.setMaxHistory(30);
    rolling.start();
    file.setRollingPolicy(rolling);
    file.setEncoder(encoder);
    file.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(file);
    LoggerFactory.getLogger(LogSetup.class).info("logging to {}", dir.resolve("riskguard.log"));
  }

  private static LoggerContext context() {
    return (LoggerContext) LoggerFactory.getILoggerFactory();
  }
}
