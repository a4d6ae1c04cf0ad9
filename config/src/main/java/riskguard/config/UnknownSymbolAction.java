package riskguard.config;

/**
 * RULE-002, for a symbol root without its own limit: {@code BLOCK} allows no position, {@code
 * ALLOW_UNLIMITED} ignores it, {@code ALLOW_WITH_LIMIT} applies the N written as {@code
 * allow_with_limit:N} (kept in {@link MaxContractsPerInstrument#unknownSymbolLimit()}).
 */
public enum UnknownSymbolAction {
  BLOCK,
  ALLOW_UNLIMITED,
  ALLOW_WITH_LIMIT
}
