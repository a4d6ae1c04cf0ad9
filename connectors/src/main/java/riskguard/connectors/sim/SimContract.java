package riskguard.connectors.sim;

import java.math.BigDecimal;

/**
 * One tradable contract of the simulator's catalogue, with the metadata the real gateway
 * reports and the simulator's own fee and starting price.
 *
 * <p>Prices inside the simulator are whole numbers of ticks so that P&amp;L and averages never
 * suffer from binary fractions (0.1 and 0.01 have no exact {@code double}).
 *
 * @param id gateway contract id, e.g. {@code CON.F.US.EP.Z25}
 * @param name the trader's name with month code and year digit, e.g. {@code ESZ5}
 * @param description human description as the gateway gives it
 * @param symbolId gateway product code, e.g. {@code F.US.EP} (not always the trader's root)
 * @param tickSize minimum price step in points
 * @param tickValue dollars per tick per contract
 * @param feePerSide dollars charged per contract on every fill (see {@link ContractCatalogue})
 * @param startPrice first last-price of the simulated market
 */
public record SimContract(
    String id,
    String name,
    String description,
    String symbolId,
    BigDecimal tickSize,
    BigDecimal tickValue,
    BigDecimal feePerSide,
    BigDecimal startPrice) {

  /** The price of a whole number of ticks, exact to the tick size's scale. */
  double price(long ticks) {
    return tickSize.multiply(BigDecimal.valueOf(ticks)).doubleValue();
  }

  /** The ticks of a price that must lie on the tick grid, or empty when it does not. */
  java.util.OptionalLong ticksOf(double price) {
    BigDecimal[] division = BigDecimal.valueOf(price).divideAndRemainder(tickSize);
    if (division[1].signum() != 0) {
      return java.util.OptionalLong.empty();
    }
    return java.util.OptionalLong.of(division[0].longValueExact());
  }

  /** The nearest tick to a price (for moves given in points, e.g. trailing distances). */
  long nearestTicks(double price) {
    return BigDecimal.valueOf(price).divide(tickSize, 0, java.math.RoundingMode.HALF_UP).longValueExact();
  }

  long startTicks() {
    return startPrice.divide(tickSize, 0, java.math.RoundingMode.HALF_UP).longValueExact();
  }

  /** The trader's root with a slash ({@code /ES} for {@code ESZ5}), as quotes name it. */
  String symbolName() {
    return "/" + name.substring(0, name.length() - 2);
  }
}
