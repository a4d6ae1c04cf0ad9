package riskguard.connectors.projectx.hub;

import riskguard.connectors.projectx.model.Account;
import riskguard.connectors.projectx.model.Order;
import riskguard.connectors.projectx.model.Position;
import riskguard.connectors.projectx.model.Trade;

/**
 * Receives the user hub's events, each first raw ({@link #onEvent}) and then typed. Implement what
 * you need. Called on the connection's reader thread, in the order the hub sent.
 */
public interface UserHubListener {

    /** Every event of a known target, exactly as sent, before its typed form. */
    default void onEvent(HubEvent event) {
    }

    /**
     * False when only {@link #onEvent} is wanted: the hub then does not decode the typed forms
     * (a second pass over every event's JSON, for a listener that decodes the raw event itself).
     */
    default boolean wantsTyped() {
        return true;
    }

    default void onAccount(Account account) {
    }

    /** A position changed; size 0 means it was closed. */
    default void onPosition(Position position) {
    }

    default void onOrder(Order order) {
    }

    default void onTrade(Trade trade) {
    }

    /** The hub is back and subscribed again; events in the gap are lost, reconcile through REST. */
    default void onReconnected() {
    }
}
