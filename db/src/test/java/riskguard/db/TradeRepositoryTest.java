package riskguard.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeRepositoryTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-24");

    @TempDir
    Path dir;

    @Test
    void aTradeIdCountsOnceEvenAfterARestart() {
        Path file = dir.resolve("riskguard.db");
        TradeRow opening = trade(536, 101, "2026-11-24T15:00:00Z", null);
        try (Database database = Database.open(file)) {
            TradeRepository trades = new TradeRepository(database);
            assertThat(trades.recordIfNew(opening)).isTrue();
            assertThat(trades.recordIfNew(opening)).isFalse();
        }
        try (Database database = Database.open(file)) {
            TradeRepository trades = new TradeRepository(database);
            assertThat(trades.recordIfNew(trade(536, 101, "2026-11-24T15:00:00Z", -50.0))).isFalse();
            assertThat(trades.forDay(536, DAY)).containsExactly(opening);
        }
    }

    @Test
    void theSameTradeIdOnAnotherAccountIsAnotherTrade() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            TradeRepository trades = new TradeRepository(database);
            assertThat(trades.recordIfNew(trade(536, 101, "2026-11-24T15:00:00Z", 10.0))).isTrue();
            assertThat(trades.recordIfNew(trade(777, 101, "2026-11-24T15:00:00Z", 10.0))).isTrue();
        }
    }

    @Test
    void forDayReturnsThatDaysTradesInTimeOrder() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            TradeRepository trades = new TradeRepository(database);
            TradeRow second = trade(536, 5, "2026-11-24T15:10:00Z", -200.0);
            TradeRow first = trade(536, 9, "2026-11-24T15:00:00Z", 100.0);
            trades.recordIfNew(second);
            trades.recordIfNew(first);
            trades.recordIfNew(new TradeRow(536, 11, DAY.plusDays(1), Instant.parse("2026-11-24T23:00:00Z"),
                    "CON.F.US.MNQ.Z25", 30.0, 0.74, false));
            trades.recordIfNew(trade(777, 12, "2026-11-24T15:05:00Z", 1.0));

            assertThat(trades.forDay(536, DAY)).containsExactly(first, second);
        }
    }

    @Test
    void voidingASeenTradeChangesItOnce() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            TradeRepository trades = new TradeRepository(database);
            TradeRow trade = trade(536, 101, "2026-11-24T15:00:00Z", -450.0);
            trades.recordIfNew(trade);

            assertThat(trades.markVoided(536, 101)).isTrue();
            assertThat(trades.markVoided(536, 101)).isFalse();
            assertThat(trades.markVoided(536, 999)).isFalse();
            assertThat(trades.forDay(536, DAY)).containsExactly(new TradeRow(536, 101, DAY, trade.ts(),
                    trade.contractId(), -450.0, trade.fees(), true));
        }
    }

    private static TradeRow trade(long accountId, long tradeId, String ts, Double pnl) {
        return new TradeRow(accountId, tradeId, DAY, Instant.parse(ts), "CON.F.US.MNQ.Z25", pnl, 0.74, false);
    }
}
