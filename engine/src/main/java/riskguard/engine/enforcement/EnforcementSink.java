package riskguard.engine.enforcement;

import java.util.List;

/**
 * Carries out the merged actions of one event: the gateway in the daemon, a collector in
 * {@code simulate}. Must not call back into the engine on the calling thread; results go
 * back later through {@code Engine.enforcementResult}. Called from the account's thread;
 * implementations shared between accounts must be thread-safe.
 */
public interface EnforcementSink {

  /** {@code actions} is never empty, all of one account, strongest first. */
  void execute(List<Decision> actions);
}
