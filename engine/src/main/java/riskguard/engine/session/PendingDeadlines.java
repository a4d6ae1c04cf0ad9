package riskguard.engine.session;

import java.time.Instant;
import java.util.TreeMap;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import riskguard.engine.model.Deadline;

/**
 * The {@link Deadline} facts of one session, by instant: kept up to date by working memory's
 * insert and delete events (a logical deadline leaves with its reason), so asking for the next
 * one costs a lookup, not a query.
 */
final class PendingDeadlines extends DefaultRuleRuntimeEventListener {

  /** Deadline instant → how many deadline facts fall due then. */
  private final TreeMap<Instant, Integer> pending = new TreeMap<>();

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    if (event.getObject() instanceof Deadline deadline) {
      pending.merge(deadline.instant(), 1, Integer::sum);
    }
  }

  @Override
  public void objectDeleted(ObjectDeletedEvent event) {
    if (event.getOldObject() instanceof Deadline deadline) {
      pending.computeIfPresent(deadline.instant(), (instant, count) -> count > 1 ? count - 1 : null);
    }
  }

  /** The earliest deadline strictly after {@code instant}; null when none. */
  Instant after(Instant instant) {
    return pending.higherKey(instant);
  }
}
