package riskguard.connectors.projectx.model;

/** A stop-loss or take-profit bracket attached to a new order, {@code ticks} away from the fill. */
public record Bracket(int ticks, OrderType type) {
}
