package riskguard.connectors.projectx.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code /api/Order/place}. Optional fields are left out of the JSON when null.
 * {@code customTag} must be unique per account; the REST client relies on that to retry safely.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlaceOrderRequest(
        long accountId,
        String contractId,
        OrderType type,
        OrderSide side,
        int size,
        Double limitPrice,
        Double stopPrice,
        Double trailPrice,
        String customTag,
        Bracket stopLossBracket,
        Bracket takeProfitBracket) {

    /** A market order without brackets. */
    public static PlaceOrderRequest market(long accountId, String contractId, OrderSide side, int size) {
        return new PlaceOrderRequest(accountId, contractId, OrderType.MARKET, side, size,
                null, null, null, null, null, null);
    }

    /** A stop (market) order, e.g. a protective stop-loss. */
    public static PlaceOrderRequest stop(long accountId, String contractId, OrderSide side, int size, double stopPrice) {
        return new PlaceOrderRequest(accountId, contractId, OrderType.STOP, side, size,
                null, stopPrice, null, null, null, null);
    }

    /** A limit order. */
    public static PlaceOrderRequest limit(long accountId, String contractId, OrderSide side, int size, double limitPrice) {
        return new PlaceOrderRequest(accountId, contractId, OrderType.LIMIT, side, size,
                limitPrice, null, null, null, null, null);
    }

    /** This request with the given tag. */
    public PlaceOrderRequest withCustomTag(String tag) {
        return new PlaceOrderRequest(accountId, contractId, type, side, size, limitPrice, stopPrice, trailPrice,
                tag, stopLossBracket, takeProfitBracket);
    }
}
