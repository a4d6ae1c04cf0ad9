package riskguard.config;

/** RULE-001: at most {@code limit} contracts account-wide, counted per {@code countType}. */
public record MaxContracts(int limit, CountType countType, LimitAction action) {

  public static final CountType DEFAULT_COUNT_TYPE = CountType.NET;
  public static final LimitAction DEFAULT_ACTION = LimitAction.CLOSE_ALL;

  /** True when {@code contracts} is over the limit (at the limit is fine). */
  public boolean isExceededBy(int contracts) {
    return contracts > limit;
  }
}
