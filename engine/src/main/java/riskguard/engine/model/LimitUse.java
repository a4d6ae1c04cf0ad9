package riskguard.engine.model;

/** How much of a dollar limit a loss uses, for the WARNING decisions of the loss rules. */
public final class LimitUse {

  private LimitUse() {}

  /**
   * True when {@code loss} (positive dollars lost) reaches {@code percent} percent of
   * {@code limit}. Compared in whole cents, so 240.00 of 300 is exactly 80 %.
   */
  public static boolean reaches(double loss, double limit, int percent) {
    return Math.round(loss * 100.0) * 100 >= Math.round(limit * 100.0) * percent;
  }
}
