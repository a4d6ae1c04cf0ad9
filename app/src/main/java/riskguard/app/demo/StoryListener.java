package riskguard.app.demo;

import java.time.Duration;
import riskguard.app.DecisionText;
import riskguard.app.daemon.DaemonListener;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;

/** Tells the story of what riskguard decides and what the gateway answers. */
final class StoryListener implements DaemonListener {

  private final DemoOutput out;
  private volatile long lastHeardNanos = System.nanoTime();
  private volatile boolean finished;

  StoryListener(DemoOutput out) {
    this.out = out;
  }

  /** How long riskguard has said nothing, so the story can wait for its last words before going on. */
  Duration silence() {
    return Duration.ofNanos(System.nanoTime() - lastHeardNanos);
  }

  private void heard() {
    lastHeardNanos = System.nanoTime();
  }

  /**
   * The story is over: later words (a slow answer on a loaded machine) would land after the
   * summary and read as if they came from nowhere; they stay in the log and the database.
   */
  void finish() {
    finished = true;
  }

  private void tell(String who, String text) {
    if (!finished) {
      out.line(who, text);
    }
  }

  @Override
  public void decided(Decision decision) {
    heard();
    tell("riskguard", decision.rule() + ": " + DecisionText.action(decision) + " (" + decision.reason() + ")");
  }

  @Override
  public void executed(Decision decision, String outcome) {
    heard();
    if (decision.action() != Action.WARNING) {
      tell("gateway", DecisionText.action(decision) + ": " + outcome);
    }
  }

  @Override
  public void failed(Decision decision, String problem, boolean retrying) {
    heard();
    tell("gateway", DecisionText.action(decision) + " failed: " + problem + (retrying ? "; retrying" : ""));
  }
}
