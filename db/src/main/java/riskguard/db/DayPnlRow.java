package riskguard.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** An account's realized P&L, fees and trade count for one trading day, in dollars. */
public record DayPnlRow(
        long accountId,
        LocalDate tradingDay,
        double realized,
        double fees,
        int tradeCount,
        Instant updatedAt) {

    public DayPnlRow {
        Objects.requireNonNull(tradingDay, "tradingDay");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
