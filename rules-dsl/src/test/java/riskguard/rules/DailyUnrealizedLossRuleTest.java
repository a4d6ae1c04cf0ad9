package riskguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static riskguard.rules.Scenario.ES;
import static riskguard.rules.Scenario.MNQ;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import riskguard.config.BreachAction;
import riskguard.config.DailyUnrealizedLoss;
import riskguard.config.Scope;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.event.QuoteEvent;
import riskguard.engine.model.Contract;
import riskguard.engine.model.LockoutKind;
import riskguard.engine.model.PositionType;

/** RULE-004 with the numbers of RULES.md, through the shipped rules and the real engine. */
class DailyUnrealizedLossRuleTest {

  private static final String RULE = "RULE-004";

  private static DailyUnrealizedLoss limit300(Scope scope, BreachAction action) {
    return new DailyUnrealizedLoss(300, scope, action);
  }

  @Test
  void long2MnqAt21000MarkedAt20925IsMinus300AtTheLimitAnd20922Point50IsMinus310ABreach() {
    try (Scenario day = new Scenario(limit300(Scope.TOTAL, BreachAction.CLOSE_ALL_AND_LOCKOUT))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.00)
          .quote("2025-03-10T14:30:01Z", MNQ, 20925.00);
      assertThat(day.actions(RULE)).as("-300.00 is at the limit: only the 80 % warning").containsExactly(Action.WARNING);

      day.quote("2025-03-10T14:30:02Z", MNQ, 20922.50);

      assertThat(day.actions(RULE)).containsExactly(
          Action.WARNING, Action.CLOSE_ALL, Action.CANCEL_ALL_ORDERS, Action.LOCKOUT);
      assertThat(day.decisions(RULE).get(1).reason()).isEqualTo("total unrealized -310.00 < -300.00");
      assertThat(day.decisions(RULE).get(3).until()).as("17:00 New York, EDT").hasToString("2025-03-10T21:00:00Z");
      assertThat(day.lockouts()).singleElement().satisfies(lockout -> {
        assertThat(lockout.rule()).isEqualTo(RULE);
        assertThat(lockout.kind()).isEqualTo(LockoutKind.UNTIL_RESET);
      });
    }
  }

  @Test
  void theTotalAddsMnqMinus200AndEsMinus1250ToMinus1450() {
    try (Scenario day = new Scenario(new DailyUnrealizedLoss(1500, Scope.TOTAL, BreachAction.CLOSE_ALL_AND_LOCKOUT))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.0)
          .position("2025-03-10T14:30:00Z", ES, PositionType.LONG, 1, 5800.0)
          .quote("2025-03-10T14:30:01Z", MNQ, 20950.0)
          .quote("2025-03-10T14:30:02Z", ES, 5775.0);

      assertThat(day.decisions(RULE)).singleElement().satisfies(warning -> {
        assertThat(warning.action()).isEqualTo(Action.WARNING);
        assertThat(warning.level()).isEqualTo(80);
        assertThat(warning.reason()).isEqualTo("total unrealized -1450.00 is 80 % of the -1500.00 limit");
      });

      day.quote("2025-03-10T14:30:03Z", ES, 5774.0);
      assertThat(day.decisions(RULE)).as("-200 - 1,300 = -1,500: at the limit").hasSize(1);

      day.quote("2025-03-10T14:30:04Z", ES, 5773.75);
      assertThat(day.decisions(RULE).get(1).reason()).isEqualTo("total unrealized -1512.50 < -1500.00");
    }
  }

  @Test
  void totalScopeWithClosePositionClosesTheLosingPositionsOnlyAndDoesNotLockOut() {
    try (Scenario day = new Scenario(new DailyUnrealizedLoss(1000, Scope.TOTAL, BreachAction.CLOSE_POSITION))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.SHORT, 2, 21000.0)
          .position("2025-03-10T14:30:00Z", ES, PositionType.LONG, 1, 5800.0)
          .quote("2025-03-10T14:30:01Z", MNQ, 20950.0)
          .quote("2025-03-10T14:30:02Z", ES, 5775.0);

      assertThat(day.decisions(RULE)).filteredOn(decision -> decision.action() != Action.WARNING)
          .singleElement().satisfies(close -> {
            assertThat(close.action()).isEqualTo(Action.CLOSE_POSITION);
            assertThat(close.contractId()).as("the short MNQ is +200; only ES loses").isEqualTo(ES);
            assertThat(close.reason()).isEqualTo("total unrealized -1050.00 < -1000.00");
          });
      assertThat(day.lockouts()).isEmpty();
    }
  }

  @Test
  void perPositionScopeClosesOnlyThePositionBelowTheLimit() {
    try (Scenario day = new Scenario(limit300(Scope.PER_POSITION, BreachAction.CLOSE_POSITION))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.0)
          .position("2025-03-10T14:30:00Z", ES, PositionType.LONG, 1, 5800.0)
          .quote("2025-03-10T14:30:01Z", MNQ, 20925.0)
          .quote("2025-03-10T14:30:02Z", ES, 5794.0);
      assertThat(day.actions(RULE)).as("MNQ -300 at the limit, ES -300 at the limit, -600 together")
          .containsExactly(Action.WARNING);

      day.quote("2025-03-10T14:30:03Z", ES, 5793.75);

      assertThat(day.decisions(RULE).get(1)).satisfies(close -> {
        assertThat(close.action()).isEqualTo(Action.CLOSE_POSITION);
        assertThat(close.contractId()).isEqualTo(ES);
        assertThat(close.reason()).isEqualTo("unrealized -312.50 < -300.00");
      });
      assertThat(day.decisions(RULE)).hasSize(2);
      assertThat(day.lockouts()).isEmpty();

      day.quote("2025-03-10T14:30:04Z", ES, 5790.0);
      assertThat(day.decisions(RULE)).as("not decided again while the close is pending").hasSize(2);
    }
  }

  @Test
  void perPositionScopeWithLockoutFlattensEverything() {
    try (Scenario day = new Scenario(limit300(Scope.PER_POSITION, BreachAction.CLOSE_ALL_AND_LOCKOUT))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.SHORT, 2, 21000.0)
          .quote("2025-03-10T14:30:01Z", MNQ, 21080.0);

      assertThat(day.actions(RULE)).containsExactly(Action.CLOSE_ALL, Action.CANCEL_ALL_ORDERS, Action.LOCKOUT);
      assertThat(day.decisions(RULE).get(0).reason()).isEqualTo(MNQ + " unrealized -320.00 < -300.00");
    }
  }

  @Test
  void thePositionWithoutAQuoteIsLeftOutAndLoggedOnceNotOnEveryEvent() {
    try (RuleLog log = new RuleLog();
        Scenario day = new Scenario(limit300(Scope.TOTAL, BreachAction.CLOSE_ALL_AND_LOCKOUT))) {
      day.quote("2025-03-10T14:29:59Z", MNQ, 20990.0)
          .position("2025-03-10T14:30:00Z", ES, PositionType.LONG, 4, 5800.0)
          .position("2025-03-10T14:30:01Z", MNQ, PositionType.LONG, 2, 21000.0)
          .quote("2025-03-10T14:30:02Z", MNQ, 20990.0)
          .position("2025-03-10T14:30:03Z", ES, PositionType.LONG, 5, 5800.0)
          .quote("2025-03-10T14:30:04Z", MNQ, 20991.0);

      assertThat(day.decisions(RULE)).as("ES has no price: never a breach on missing data").isEmpty();
      assertThat(log.warnings()).containsExactly(
          "account 12345 RULE-004: no price for CON.F.US.EP.Z25 (ES) yet (no quote, or no contract metadata):"
              + " the position is left out of the unrealized loss until it has one");

      day.quote("2025-03-10T14:30:05Z", ES, 5790.0);

      assertThat(day.decisions(RULE)).as("ES 5 × -10 points × $50 = -2,500, MNQ -36, once ES is priced").isNotEmpty();
      assertThat(day.decisions(RULE).get(0).reason()).isEqualTo("total unrealized -2536.00 < -300.00");
    }
  }

  @Test
  void contractMetadataArrivingAfterThePositionBringsItIntoTheTotal() {
    String gold = "CON.F.US.GCE.Z25";
    try (RuleLog log = new RuleLog();
        Scenario day = new Scenario(limit300(Scope.TOTAL, BreachAction.CLOSE_ALL_AND_LOCKOUT))) {
      day.quote("2025-03-10T14:29:00Z", gold, 2640.0)
          .position("2025-03-10T14:30:00Z", gold, PositionType.LONG, 1, 2650.0)
          .quote("2025-03-10T14:30:01Z", gold, 2640.0);
      assertThat(day.decisions(RULE)).as("quoted, but tick size and value unknown: not valued").isEmpty();
      assertThat(log.warnings()).singleElement().asString().contains("no price for CON.F.US.GCE.Z25 (GCE) yet");

      day.contract("2025-03-10T14:30:02Z", Contract.of(gold, "GCZ5", 0.1, 10.0, "F.US.GCE"));

      assertThat(day.decisions(RULE)).as("-10 points × $100 = -1,000").isNotEmpty();
      assertThat(day.decisions(RULE).get(0).reason()).isEqualTo("total unrealized -1000.00 < -300.00");
      assertThat(day.decisions(RULE).get(0).ts()).hasToString("2025-03-10T14:30:02Z");
    }
  }

  @Test
  void aStaleQuoteIsStillUsedAndLoggedOncePerQuote() {
    try (RuleLog log = new RuleLog();
        Scenario day = new Scenario(limit300(Scope.TOTAL, BreachAction.CLOSE_ALL_AND_LOCKOUT))) {
      day.quote("2025-03-10T14:30:00Z", MNQ, 21000.0)
          .position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.0)
          .apply(new QuoteEvent(Instant.parse("2025-03-10T14:30:30Z"), MNQ, 20999.0, null, null,
              Instant.parse("2025-03-10T14:30:05Z")))
          .tick("2025-03-10T14:30:31Z")
          .tick("2025-03-10T14:30:32Z");

      assertThat(log.warnings()).containsExactly(
          "account 12345 RULE-004: the quote valuing CON.F.US.MNQ.H25 is 25 s old (max 10 s); still used");

      day.apply(new QuoteEvent(Instant.parse("2025-03-10T14:30:40Z"), MNQ, 20900.0, null, null,
          Instant.parse("2025-03-10T14:30:20Z")));

      assertThat(day.decisions(RULE)).as("the stale price of 20900 is used: -400").isNotEmpty();
      assertThat(day.decisions(RULE).get(0).reason()).isEqualTo("total unrealized -400.00 < -300.00");
      assertThat(log.warnings()).hasSize(2)
          .last().isEqualTo("account 12345 RULE-004: the quote valuing CON.F.US.MNQ.H25 is 20 s old (max 10 s); still used");
    }
  }

  @Test
  void aQuoteThatGrewOldIsLoggedWhenAPositionChangeUsesItNotAsTheClockTicks() {
    try (RuleLog log = new RuleLog();
        Scenario day = new Scenario(limit300(Scope.TOTAL, BreachAction.CLOSE_ALL_AND_LOCKOUT))) {
      day.quote("2025-03-10T14:30:00Z", MNQ, 21000.0)
          .position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.0)
          .quote("2025-03-10T14:30:01Z", MNQ, 20999.0)
          .tick("2025-03-10T14:30:11Z")
          .position("2025-03-10T14:30:11Z", MNQ, PositionType.LONG, 3, 21000.0);
      assertThat(log.warnings()).as("10 s old is not older than the maximum").isEmpty();

      day.tick("2025-03-10T14:30:12Z").tick("2025-03-10T14:30:13Z").tick("2025-03-10T14:30:14Z");
      assertThat(log.warnings()).as("nothing used the quote").isEmpty();

      day.position("2025-03-10T14:30:15Z", MNQ, PositionType.LONG, 4, 21000.0)
          .position("2025-03-10T14:30:16Z", MNQ, PositionType.LONG, 3, 21000.0);

      assertThat(log.warnings()).containsExactly(
          "account 12345 RULE-004: the quote valuing CON.F.US.MNQ.H25 is 14 s old (max 10 s); still used");
    }
  }

  @Test
  void theWarningAt80PercentIsGivenOncePerTradingDayAndAgainTheNextDay() {
    try (Scenario day = new Scenario(limit300(Scope.TOTAL, BreachAction.CLOSE_POSITION))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.0)
          .quote("2025-03-10T14:30:01Z", MNQ, 20940.25)
          .quote("2025-03-10T14:30:02Z", MNQ, 20940.0);
      assertThat(day.actions(RULE)).as("-239.00 is below 80 %; -240.00 reaches it").containsExactly(Action.WARNING);
      assertThat(day.decisions(RULE).get(0).reason()).isEqualTo("total unrealized -240.00 is 80 % of the -300.00 limit");

      day.quote("2025-03-10T14:30:03Z", MNQ, 20990.0)
          .quote("2025-03-10T14:30:04Z", MNQ, 20930.0)
          .quote("2025-03-10T14:30:05Z", MNQ, 20990.0);
      assertThat(day.actions(RULE)).as("once per trading day").containsExactly(Action.WARNING);

      day.quote("2025-03-10T22:00:00Z", MNQ, 20990.0)
          .quote("2025-03-10T22:00:01Z", MNQ, 20930.0);
      assertThat(day.actions(RULE)).as("after the 17:00 New York reset").containsExactly(Action.WARNING, Action.WARNING);
      assertThat(day.decisions(RULE).get(1).ts()).hasToString("2025-03-10T22:00:01Z");
    }
  }

  @Test
  void theLockoutLiftsAtTheReset() {
    try (Scenario day = new Scenario(limit300(Scope.TOTAL, BreachAction.CLOSE_ALL_AND_LOCKOUT))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.0)
          .quote("2025-03-10T14:30:01Z", MNQ, 20800.0)
          .flat("2025-03-10T14:30:02Z", MNQ);
      assertThat(day.lockouts()).hasSize(1);

      day.tick("2025-03-10T21:00:01Z");

      assertThat(day.lockouts()).isEmpty();
      assertThat(day.actions("DAILY-RESET")).containsExactly(Action.UNLOCK);
    }
  }

  @Test
  void aPositionChangeWithoutANewQuoteIsJudgedAtTheLastPrice() {
    try (Scenario day = new Scenario(limit300(Scope.TOTAL, BreachAction.CLOSE_ALL_AND_LOCKOUT))) {
      day.position("2025-03-10T14:30:00Z", MNQ, PositionType.LONG, 2, 21000.00)
          .quote("2025-03-10T14:30:01Z", MNQ, 20925.00);
      assertThat(day.actions(RULE)).as("-300.00: at the limit").containsExactly(Action.WARNING);

      day.position("2025-03-10T14:30:05Z", MNQ, PositionType.LONG, 3, 21000.00);

      assertThat(day.decisions(RULE)).extracting(Decision::action).containsExactly(
          Action.WARNING, Action.CLOSE_ALL, Action.CANCEL_ALL_ORDERS, Action.LOCKOUT);
      assertThat(day.decisions(RULE).get(1)).satisfies(close -> {
        assertThat(close.reason()).as("3 contracts x -75 points x $2").isEqualTo("total unrealized -450.00 < -300.00");
        assertThat(close.ts()).hasToString("2025-03-10T14:30:05Z");
      });
    }
  }
}
