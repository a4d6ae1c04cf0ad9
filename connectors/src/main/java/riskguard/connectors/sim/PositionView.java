package riskguard.connectors.sim;

import java.time.Instant;

/**
 * A net position as the gateway reports it (Position/searchOpen, GatewayUserPosition).
 *
 * @param type 1 long, 2 short (PositionType)
 * @param size contracts held; 0 when the position has just been closed
 */
public record PositionView(
    long id,
    long accountId,
    String contractId,
    Instant creationTimestamp,
    int type,
    int size,
    double averagePrice) {

  public static final int LONG = 1;
  public static final int SHORT = 2;
}
