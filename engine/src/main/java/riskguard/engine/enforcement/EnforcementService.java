package riskguard.engine.enforcement;

import java.util.List;

/**
 * The last step of the event path: records every decision of one event in the
 * {@link DecisionLog}, then hands the merged actions ({@link DecisionMerger}) to the
 * {@link EnforcementSink}. Holds no state of its own, so one service serves every account.
 */
public final class EnforcementService {

  private final DecisionLog log;
  private final EnforcementSink sink;

  public EnforcementService(DecisionLog log, EnforcementSink sink) {
    this.log = log;
    this.sink = sink;
  }

  /** Records and carries out the decisions one event produced; does nothing for none. */
  public void enforce(List<Decision> decisions) {
    if (decisions.isEmpty()) {
      return;
    }
    for (Decision decision : decisions) {
      log.record(decision);
    }
    sink.execute(DecisionMerger.merge(decisions));
  }
}
