package riskguard.engine.event;

import java.time.Instant;
import riskguard.engine.model.OrderSide;

/** {@code GatewayUserTrade}: a fill. {@code pnl} is null on an opening half-turn. */
public record TradeEvent(
    Instant ts,
    long accountId,
    long tradeId,
    String contractId,
    Instant time,
    double price,
    Double pnl,
    double fees,
    OrderSide side,
    int size,
    boolean voided,
    Long orderId)
    implements InputEvent.AccountScoped {}
