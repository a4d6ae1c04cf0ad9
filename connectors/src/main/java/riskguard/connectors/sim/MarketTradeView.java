package riskguard.connectors.sim;

import java.time.Instant;

/** One print of the market's tape (an element of GatewayTrade's trades array). type 0 buy, 1 sell. */
record MarketTradeView(String symbolId, double price, Instant timestamp, int type, long volume) {}
