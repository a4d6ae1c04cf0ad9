package riskguard.app.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps the throwaway engine of a {@link Warmup} out of the daemon's log: what its rules log
 * (RULE-004's "no price yet" for a synthetic account, say) is about accounts that do not exist.
 * Every event below ERROR logged on a thread while it runs a warm-up is dropped; an ERROR (a
 * rule that loops, which the live accounts would hit too) still shows.
 */
final class WarmupLogFilter extends TurboFilter {

  private static final ThreadLocal<Boolean> WARMING_UP = ThreadLocal.withInitial(() -> false);

  private WarmupLogFilter() {}

  /** Adds the filter to Logback once (nothing when another logging backend is bound). */
  static synchronized void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(WarmupLogFilter.class::isInstance)) {
      WarmupLogFilter filter = new WarmupLogFilter();
      filter.setContext(context);
      filter.start();
      context.addTurboFilter(filter);
    }
  }

  /** Runs {@code work} with this thread's log quiet below ERROR. */
  static <T> T quietly(Supplier<T> work) {
    WARMING_UP.set(true);
    try {
      return work.get();
    } finally {
      WARMING_UP.set(false);
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
      Throwable t) {
    return WARMING_UP.get() && level != null && !level.isGreaterOrEqual(Level.ERROR) ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }
}
