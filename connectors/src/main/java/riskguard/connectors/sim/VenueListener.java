package riskguard.connectors.sim;

import java.util.List;
import riskguard.connectors.projectx.model.Account;
import riskguard.connectors.projectx.model.DepthEntry;
import riskguard.connectors.projectx.model.MarketTrade;
import riskguard.connectors.projectx.model.Order;
import riskguard.connectors.projectx.model.Position;
import riskguard.connectors.projectx.model.Quote;
import riskguard.connectors.projectx.model.Trade;

/**
 * What the exchange publishes, in the order it happens. Called while the exchange holds its
 * lock, so implementations must not block (the hubs only queue frames).
 */
interface VenueListener {

  void account(Account account);

  void order(Order order);

  void position(Position position);

  void trade(Trade trade);

  void quote(String contractId, Quote quote);

  void marketTrades(String contractId, List<MarketTrade> trades);

  void depth(String contractId, List<DepthEntry> depth);
}
