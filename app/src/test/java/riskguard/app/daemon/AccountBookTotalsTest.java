package riskguard.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import riskguard.config.PnlBasis;
import riskguard.config.TradingDay;
import riskguard.engine.event.TradeEvent;
import riskguard.engine.model.OrderSide;

/** The day totals the book keeps as trades arrive: per trading day, net or gross, voids taken back out. */
class AccountBookTotalsTest {

  private static final long ACCOUNT = 536;
  /** 2026-11-25 15:00 in New York: trading day 2026-11-25 (the day resets at 17:00). */
  private static final Instant AFTERNOON = Instant.parse("2026-11-25T20:00:00Z");
  /** 2026-11-25 18:00 in New York: after the reset, so trading day 2026-11-26. */
  private static final Instant EVENING = Instant.parse("2026-11-25T23:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  private static final LocalDate TOMORROW = LocalDate.of(2026, 11, 26);

  private final AccountBook book = new AccountBook(TradingDay.defaults(), PnlBasis.NET);

  @Test
  void netTotalsAddEveryTradeOfTheTradingDay() {
    // an opening trade has no P&L: its fee counts in the fees, not in the realized
    book.apply(trade(1, AFTERNOON, null, 1.24, false));
    book.apply(trade(2, AFTERNOON, -250.50, 1.24, false));
    book.apply(trade(3, AFTERNOON, 100.10, 0.62, false));

    assertThat(book.dayTotals(ACCOUNT, TODAY)).isEqualTo(new AccountBook.DayTotals(TODAY, -152.26, 3.10, 3));
  }

  @Test
  void grossTotalsLeaveTheFeesOutOfTheRealized() {
    AccountBook gross = new AccountBook(TradingDay.defaults(), PnlBasis.GROSS);
    gross.apply(trade(1, AFTERNOON, -250.50, 1.24, false));

    assertThat(gross.dayTotals(ACCOUNT, TODAY)).isEqualTo(new AccountBook.DayTotals(TODAY, -250.50, 1.24, 1));
  }

  @Test
  void aVoidedTradeIsTakenBackOutAndARepeatedOneCountsOnce() {
    book.apply(trade(1, AFTERNOON, -0.10, 0.20, false));
    book.apply(trade(2, AFTERNOON, -0.20, 0.10, false));
    book.apply(trade(2, AFTERNOON, -0.20, 0.10, false));
    book.apply(trade(1, AFTERNOON, -0.10, 0.20, true));

    assertThat(book.dayTotals(ACCOUNT, TODAY)).isEqualTo(new AccountBook.DayTotals(TODAY, -0.30, 0.10, 1));
  }

  @Test
  void aTradeAfterTheResetCountsForTheNextTradingDay() {
    book.apply(trade(1, AFTERNOON, -100.0, 1.0, false));
    book.apply(trade(2, EVENING, -40.0, 1.0, false));

    assertThat(book.dayTotals(ACCOUNT, TODAY)).isEqualTo(new AccountBook.DayTotals(TODAY, -101.0, 1.0, 1));
    assertThat(book.dayTotals(ACCOUNT, TOMORROW)).isEqualTo(new AccountBook.DayTotals(TOMORROW, -41.0, 1.0, 1));
    assertThat(book.dayTotals(ACCOUNT, TOMORROW.plusDays(1)))
        .isEqualTo(new AccountBook.DayTotals(TOMORROW.plusDays(1), 0, 0, 0));
  }

  private static TradeEvent trade(long id, Instant time, Double pnl, double fees, boolean voided) {
    return new TradeEvent(time, ACCOUNT, id, "CON.F.US.MNQ.Z25", time, 21_000.25, pnl, fees, OrderSide.SELL, 1,
        voided, 9000 + id);
  }
}
