package riskguard.app.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.enforcement.DecisionLog;

/**
 * The engine's {@link DecisionLog} in the daemon: one log line per decision, the listener
 * told, and the decision held until the {@link GatewaySink} takes the event's decisions and
 * writes them to the audit log in the same transaction that claims the actions. Writing
 * there, off the account's thread, keeps a disk sync out of the rules' path; every decision
 * is still committed before anything is sent for it.
 */
final class DecisionRecorder implements DecisionLog {

  private static final Logger LOG = LoggerFactory.getLogger("riskguard.decisions");

  private final AccountBook book;
  private final DaemonListener listener;
  private final Map<Long, List<Decision>> held = new ConcurrentHashMap<>();

  DecisionRecorder(AccountBook book, DaemonListener listener) {
    this.book = book;
    this.listener = listener;
  }

  @Override
  public void record(Decision decision) {
    held.computeIfAbsent(decision.accountId(), id -> new ArrayList<>()).add(decision);
    LOG.info("account {} {} decided {}{}: {}", decision.accountId(), decision.rule(), decision.action(),
        DecisionText.target(decision), decision.reason());
    book.noteDecision(decision, "DECIDED", null);
    listener.decided(decision);
  }

  /** The decisions recorded for the account since the last call (called on the account's thread). */
  List<Decision> take(long accountId) {
    List<Decision> decisions = held.remove(accountId);
    return decisions == null ? List.of() : decisions;
  }
}
