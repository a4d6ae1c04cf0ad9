package riskguard.app.demo;

import riskguard.app.DecisionText;
import riskguard.app.daemon.DaemonListener;
import riskguard.engine.enforcement.Decision;

/** Tells the story of what riskguard decides and what the gateway answers. */
final class StoryListener implements DaemonListener {

  private final DemoOutput out;

  StoryListener(DemoOutput out) {
    this.out = out;
  }

  @Override
  public void decided(Decision decision) {
    out.line("riskguard", decision.rule() + ": " + DecisionText.action(decision) + " (" + decision.reason() + ")");
  }

  @Override
  public void executed(Decision decision, String outcome) {
    out.line("gateway", DecisionText.action(decision) + ": " + outcome);
  }

  @Override
  public void failed(Decision decision, String problem, boolean retrying) {
    out.line("gateway", DecisionText.action(decision) + " failed: " + problem + (retrying ? "; retrying" : ""));
  }
}
