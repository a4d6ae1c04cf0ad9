package riskguard.connectors.projectx.hub;

import java.util.List;
import riskguard.connectors.projectx.model.DepthEntry;
import riskguard.connectors.projectx.model.MarketTrade;
import riskguard.connectors.projectx.model.Quote;

/**
 * Receives the market hub's events, each first raw ({@link #onEvent}) and then typed. Called on
 * the connection's reader thread, in the order the hub sent.
 */
public interface MarketHubListener {

    /** Every event of a known target, exactly as sent (a quote possibly partial), before its typed form. */
    default void onEvent(HubEvent event) {
    }

    /**
     * False when only {@link #onEvent} is wanted: the hub then does not decode the typed forms
     * (a second pass over every event's JSON, for a listener that decodes the raw event itself).
     */
    default boolean wantsTyped() {
        return true;
    }

    /** The contract's quote with this update merged onto the ones before it. */
    default void onQuote(String contractId, Quote quote) {
    }

    default void onMarketTrades(String contractId, List<MarketTrade> trades) {
    }

    default void onDepth(String contractId, List<DepthEntry> entries) {
    }

    /** The hub is back and subscribed again. */
    default void onReconnected() {
    }
}
