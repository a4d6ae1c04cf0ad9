package riskguard.config;

import java.util.Comparator;
import java.util.List;

/** RULE-007: losing trades start a cooldown; {@code thresholds} are sorted by loss, ascending. */
public record CooldownAfterLoss(List<LossThreshold> thresholds) {

  public CooldownAfterLoss {
    thresholds =
        thresholds.stream().sorted(Comparator.comparingDouble(LossThreshold::loss)).toList();
  }

  /**
   * The cooldown in seconds for a closing trade with this P&L: that of the largest threshold whose
   * loss is reached by |P&L|, or 0 when the trade is not a loss or reaches none.
   */
  public int cooldownSecondsFor(double pnl) {
    if (pnl >= 0) {
      return 0;
    }
    double loss = -pnl;
    int cooldown = 0;
    for (LossThreshold threshold : thresholds) {
      if (loss >= threshold.loss()) {
        cooldown = threshold.cooldown();
      }
    }
    return cooldown;
  }
}
