package riskguard.config;

import java.util.Locale;
import java.util.Map;

/**
 * RULE-002: a contract limit per symbol root. {@code limits} is keyed by upper-case root; {@code
 * unknownSymbolLimit} is the N of {@code allow_with_limit:N} and null for the other unknown-symbol
 * actions.
 */
public record MaxContractsPerInstrument(
    Map<String, Integer> limits,
    LimitAction action,
    UnknownSymbolAction unknownSymbolAction,
    Integer unknownSymbolLimit) {

  public static final LimitAction DEFAULT_ACTION = LimitAction.REDUCE_TO_LIMIT;
  public static final UnknownSymbolAction DEFAULT_UNKNOWN_SYMBOL_ACTION =
      UnknownSymbolAction.ALLOW_UNLIMITED;

  public MaxContractsPerInstrument {
    limits = Map.copyOf(limits);
  }

  /**
   * The most contracts a position in {@code root} may hold: its configured limit, else 0 for {@code
   * block}, N for {@code allow_with_limit:N}, and null (no limit) for {@code allow_unlimited}.
   */
  public Integer limitFor(String root) {
    Integer configured = limits.get(root.toUpperCase(Locale.ROOT));
    if (configured != null) {
      return configured;
    }
    return switch (unknownSymbolAction) {
      case BLOCK -> 0;
      case ALLOW_WITH_LIMIT -> unknownSymbolLimit;
      case ALLOW_UNLIMITED -> null;
    };
  }

  /** How many contracts of a position of {@code size} in {@code root} are over its limit. */
  public int excessFor(String root, int size) {
    Integer limit = limitFor(root);
    return limit == null ? 0 : Math.max(0, Math.abs(size) - limit);
  }
}
