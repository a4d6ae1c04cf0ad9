package riskguard.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A trade seen on an account. {@code pnl} is null on an opening half-turn; {@code ts} is the
 * trade's own timestamp and {@code tradingDay} the trading day it belongs to.
 */
public record TradeRow(
        long accountId,
        long tradeId,
        LocalDate tradingDay,
        Instant ts,
        String contractId,
        Double pnl,
        double fees,
        boolean voided) {

    public TradeRow {
        Objects.requireNonNull(tradingDay, "tradingDay");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(contractId, "contractId");
    }
}
