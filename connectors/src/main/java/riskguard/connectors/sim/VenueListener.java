package riskguard.connectors.sim;

import java.util.List;

/**
 * What the exchange publishes, in the order it happens. Called while the exchange holds its
 * lock, so implementations must not block (the hubs only queue frames).
 */
interface VenueListener {

  void account(AccountView account);

  void order(OrderView order);

  void position(PositionView position);

  void trade(TradeView trade);

  void quote(QuoteView quote);

  void marketTrades(String contractId, List<MarketTradeView> trades);

  void depth(String contractId, List<DepthEntryView> depth);
}
