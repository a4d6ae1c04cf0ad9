package riskguard.engine.enforcement;

/**
 * Where every decision is recorded before anything is done about it (the audit log in the
 * daemon, the printed output in {@code simulate}). Called from the account's thread;
 * implementations shared between accounts must be thread-safe.
 */
public interface DecisionLog {

  void record(Decision decision);
}
