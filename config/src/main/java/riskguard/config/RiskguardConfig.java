package riskguard.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole configuration file, validated. Paths are absolute (relative ones in the file resolve
 * against the file's directory). {@code rulesDir} null means the shipped rule package; {@code
 * record} null means live sessions are not recorded. {@code statusPort} is the loopback port of
 * the running daemon's status endpoint; 0 lets the system pick a free one. {@code warnings} are
 * what works but should be written otherwise (an API key written in the file), in file order.
 */
public record RiskguardConfig(
    Path source,
    GatewayConfig gateway,
    AccountSelector accounts,
    Path rulesDir,
    Path database,
    Path record,
    TradingDay tradingDay,
    PnlBasis pnlBasis,
    int maxQuoteAgeSeconds,
    int statusPort,
    RulesConfig rules,
    List<ConfigError> warnings) {

  public RiskguardConfig {
    warnings = List.copyOf(warnings);
  }

  public static final String DEFAULT_DATABASE = "data/riskguard.db";
  public static final PnlBasis DEFAULT_PNL_BASIS = PnlBasis.NET;
  public static final int DEFAULT_MAX_QUOTE_AGE_SECONDS = 10;
  public static final int DEFAULT_STATUS_PORT = 7311;
  public static final int HIGHEST_PORT = 65_535;
}
