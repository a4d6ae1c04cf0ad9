package riskguard.connectors.sim;

import java.time.Instant;

/** One level of the book (an element of GatewayDepth's depth array); type is the gateway's DomType. */
record DepthEntryView(Instant timestamp, int type, double price, long volume, long currentVolume) {

  static final int ASK = 1;
  static final int BID = 2;
  static final int BEST_ASK = 3;
  static final int BEST_BID = 4;
}
