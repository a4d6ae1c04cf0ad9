package riskguard.engine.model;

/**
 * Contract metadata as {@code /api/Contract/searchById} answers it, plus the symbol root
 * a trader knows. Built with {@link #of}, which resolves the root in the one place that
 * knows how.
 */
public record Contract(
    String id, String name, String root, double tickSize, double tickValue, String symbolId) {

  public static Contract of(String id, String name, double tickSize, double tickValue, String symbolId) {
    return new Contract(id, name, SymbolRoots.resolve(id, name), tickSize, tickValue, symbolId);
  }

  /** Dollars per point per contract ({@code tickValue / tickSize}). */
  public double pointValue() {
    return tickValue / tickSize;
  }
}
