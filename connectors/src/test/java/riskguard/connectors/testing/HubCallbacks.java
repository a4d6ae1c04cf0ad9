package riskguard.connectors.testing;

import java.util.Collection;
import java.util.List;
import riskguard.connectors.projectx.hub.HubEvent;
import riskguard.connectors.projectx.hub.MarketHubListener;
import riskguard.connectors.projectx.hub.UserHubListener;
import riskguard.connectors.projectx.model.Account;
import riskguard.connectors.projectx.model.DepthEntry;
import riskguard.connectors.projectx.model.MarketTrade;
import riskguard.connectors.projectx.model.Order;
import riskguard.connectors.projectx.model.Position;
import riskguard.connectors.projectx.model.Quote;
import riskguard.connectors.projectx.model.Trade;

/**
 * A user and market hub listener that adds every callback, in the order the hub made them, to a
 * collection a test reads: the raw {@link HubEvent}, then the typed value ({@link Account},
 * {@link Position}, {@link Order}, {@link Trade}, {@link Quote}, {@link MarketTrades},
 * {@link Depth}), and {@link #RECONNECTED} when the hub is back.
 */
public final class HubCallbacks implements UserHubListener, MarketHubListener {

    /** What {@code onReconnected} adds. */
    public static final String RECONNECTED = "reconnected";

    private final Collection<Object> received;

    public HubCallbacks(Collection<Object> received) {
        this.received = received;
    }

    /** The trades of one {@code onMarketTrades} call. */
    public record MarketTrades(String contractId, List<MarketTrade> trades) {
    }

    /** The entries of one {@code onDepth} call. */
    public record Depth(String contractId, List<DepthEntry> entries) {
    }

    @Override
    public void onEvent(HubEvent event) {
        received.add(event);
    }

    @Override
    public boolean wantsTyped() {
        return true;
    }

    @Override
    public void onAccount(Account account) {
        received.add(account);
    }

    @Override
    public void onPosition(Position position) {
        received.add(position);
    }

    @Override
    public void onOrder(Order order) {
        received.add(order);
    }

    @Override
    public void onTrade(Trade trade) {
        received.add(trade);
    }

    @Override
    public void onQuote(String contractId, Quote quote) {
        received.add(quote);
    }

    @Override
    public void onMarketTrades(String contractId, List<MarketTrade> trades) {
        received.add(new MarketTrades(contractId, trades));
    }

    @Override
    public void onDepth(String contractId, List<DepthEntry> entries) {
        received.add(new Depth(contractId, entries));
    }

    @Override
    public void onReconnected() {
        received.add(RECONNECTED);
    }
}
