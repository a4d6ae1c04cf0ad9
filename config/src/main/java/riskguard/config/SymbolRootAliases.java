package riskguard.config;

import java.util.Locale;
import java.util.Map;

/**
 * The gateway's own product codes that differ from the symbol roots traders use: the E-mini S&amp;P
 * is {@code EP} to ProjectX and ES to a trader, the E-mini Nasdaq {@code ENQ} and NQ. A config
 * may name a product either way (RULES.md); the file is read, and contracts are resolved, in the
 * trader's spelling.
 */
public final class SymbolRootAliases {

  private static final Map<String, String> GATEWAY_CODES = Map.of("EP", "ES", "ENQ", "NQ");

  private SymbolRootAliases() {}

  /** {@code root} in upper case, in the trader's spelling ({@code ep} → ES). */
  public static String canonical(String root) {
    String upper = root.strip().toUpperCase(Locale.ROOT);
    return GATEWAY_CODES.getOrDefault(upper, upper);
  }
}
