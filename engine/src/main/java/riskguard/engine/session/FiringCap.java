package riskguard.engine.session;

import java.util.HashMap;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the rule firings of one session step, so that a rule which keeps re-activating itself
 * (a consequence that updates what it matches, two rules undoing each other) cannot hold its
 * account's thread for ever: the step stops after {@link #FIRINGS_PER_STEP} firings, far more
 * than any step of the shipped rules needs, and the account goes on with its next event (the
 * activations left on the agenda fire then, under the same bound). Reaching the bound is an
 * ERROR naming the account and the rule that fired most; counting costs nothing until then:
 * only {@link #SAMPLED} further firings are watched to name it, and a loop repeats itself.
 */
final class FiringCap {

  static final int FIRINGS_PER_STEP = 10_000;
  /** Firings watched after the bound, to name the rule that loops. */
  static final int SAMPLED = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(FiringCap.class);

  private final long accountId;
  private final KieSession session;
  private int fired;

  FiringCap(long accountId, KieSession session) {
    this.accountId = accountId;
    this.session = session;
  }

  /** A new step: the full budget again. */
  void startStep() {
    fired = 0;
  }

  /**
   * Fires the rules within what is left of the step's budget.
   *
   * @return true when the agenda ran empty, false when the budget was spent first
   */
  boolean fire() {
    int left = FIRINGS_PER_STEP - fired;
    if (left <= 0) {
      return false;
    }
    fired += session.fireAllRules(left);
    if (fired < FIRINGS_PER_STEP) {
      return true;
    }
    LOG.error("account {}: the rules fired {} times in one step and were stopped there; {}. The session goes on"
        + " with the next event; fix or remove that rule", accountId, FIRINGS_PER_STEP, mostFired());
    return false;
  }

  /** Watches up to {@link #SAMPLED} more firings and names the rule among them that fired most. */
  private String mostFired() {
    Map<String, Integer> counts = new HashMap<>();
    DefaultAgendaEventListener counter = new DefaultAgendaEventListener() {
      @Override
      public void afterMatchFired(AfterMatchFiredEvent event) {
        counts.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
      }
    };
    session.addEventListener(counter);
    int sampled;
    try {
      sampled = session.fireAllRules(SAMPLED);
    } finally {
      session.removeEventListener(counter);
    }
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(most -> "rule \"" + most.getKey() + "\" fired " + most.getValue() + " of the next " + sampled)
        .orElse("the agenda then ran empty");
  }
}
