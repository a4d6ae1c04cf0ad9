package riskguard.engine.model;

/**
 * An open position that has a price: what a rule needs of its {@link Valuation} when it only
 * asks whether the position is valued, and on which side. There is one exactly while there is
 * a {@code Valuation} (same {@code contractId}); quotes never change it, only the position
 * turning around or the contract's tick size changing does. Drools hands every update of a
 * fact to every pattern over its type, even one that reads none of the changed properties, so
 * a rule that reads {@code Priced} instead of {@code Valuation} is not handed the quotes.
 */
public record Priced(long accountId, String contractId, PositionType type, double tickSize) {

  /** What {@code valuation} says of its position, apart from the price. */
  public static Priced of(Valuation valuation) {
    return new Priced(valuation.getAccountId(), valuation.getContractId(), valuation.getType(),
        valuation.getTickSize());
  }
}
