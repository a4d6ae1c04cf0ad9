package riskguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static riskguard.rules.Scenario.ES;
import static riskguard.rules.Scenario.MNQ;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import riskguard.config.AuthLossGuard;
import riskguard.config.DailyRealizedLoss;
import riskguard.config.PnlBasis;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.model.Lockout;
import riskguard.engine.model.LockoutKind;
import riskguard.engine.model.OrderSide;
import riskguard.engine.model.OrderStatus;
import riskguard.engine.model.OrderType;
import riskguard.engine.model.PositionType;

/** RULE-010 auth loss guard, in a real session. */
class AuthLossGuardRuleTest {

  private static final String RULE = "RULE-010";

  @Test
  void canTradeFalseClosesAllCancelsAllAndLocksOutIndefinitely() {
    try (Scenario day = new Scenario(new AuthLossGuard())) {
      day.account("2025-03-10T14:00:00Z", true)
          .position("2025-03-10T14:01:00Z", MNQ, PositionType.LONG, 2, 21000.0)
          .order("2025-03-10T14:01:01Z", 7, MNQ, OrderStatus.OPEN, OrderType.STOP, OrderSide.SELL, 20990.0);
      assertThat(day.decisions(RULE)).isEmpty();

      day.account("2025-03-10T14:05:00Z", false);

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::until, Decision::ts).containsExactly(
          tuple(Action.CLOSE_ALL, null, Instant.parse("2025-03-10T14:05:00Z")),
          tuple(Action.CANCEL_ALL_ORDERS, null, Instant.parse("2025-03-10T14:05:00Z")),
          tuple(Action.LOCKOUT, null, Instant.parse("2025-03-10T14:05:00Z")));
      assertThat(day.lockouts()).singleElement().satisfies(lockout -> {
        assertThat(lockout.rule()).isEqualTo(RULE);
        assertThat(lockout.kind()).isEqualTo(LockoutKind.INDEFINITE);
        assertThat(lockout.symbol()).isNull();
      });
    }
  }

  @Test
  void theAccountListAtStartUpSayingCanTradeFalseLocksOutAtTheFirstEvent() {
    try (Scenario day = new Scenario(new AuthLossGuard())) {
      day.position("2025-03-10T13:00:00Z", ES, PositionType.SHORT, 1, 5800.0)
          .account("2025-03-10T13:00:00Z", false);

      assertThat(day.actions(RULE)).containsExactly(Action.CLOSE_ALL, Action.CANCEL_ALL_ORDERS, Action.LOCKOUT);
    }
  }

  @Test
  void repeatedCanTradeFalseDecidesOnceAndAFillWhileLockedIsFlattenedByTheGuard() {
    try (Scenario day = new Scenario(new AuthLossGuard())) {
      day.account("2025-03-10T14:05:00Z", false)
          .account("2025-03-10T14:05:30Z", false)
          .position("2025-03-10T14:06:00Z", MNQ, PositionType.LONG, 1, 21000.0);

      assertThat(day.actions(RULE)).containsExactly(Action.CLOSE_ALL, Action.CANCEL_ALL_ORDERS, Action.LOCKOUT);
      assertThat(day.decisions("LOCKOUT-GUARD")).singleElement().satisfies(close -> {
        assertThat(close.action()).isEqualTo(Action.CLOSE_POSITION);
        assertThat(close.reason()).contains(RULE);
      });
    }
  }

  @Test
  void canTradeTrueLiftsOnlyThisRulesLockoutAndLeavesTheDailyLossLockout() {
    try (Scenario day = new Scenario(PnlBasis.GROSS, new AuthLossGuard(), new DailyRealizedLoss(500))) {
      day.account("2025-03-10T14:00:00Z", true)
          .trade("2025-03-10T14:10:00Z", 1, MNQ, -600.0, 0.0)
          .account("2025-03-10T14:20:00Z", false);
      assertThat(day.lockouts()).extracting(Lockout::rule).containsExactlyInAnyOrder("RULE-003", RULE);

      day.account("2025-03-10T14:30:00Z", true);

      assertThat(day.decisions(RULE)).last().satisfies(unlock -> {
        assertThat(unlock.action()).isEqualTo(Action.UNLOCK);
        assertThat(unlock.ts()).hasToString("2025-03-10T14:30:00Z");
      });
      assertThat(day.lockouts()).extracting(Lockout::rule).containsExactly("RULE-003");
    }
  }

  @Test
  void rapidTogglesAreEachHonoured() {
    try (Scenario day = new Scenario(new AuthLossGuard())) {
      day.account("2025-03-10T14:00:00.000Z", false)
          .account("2025-03-10T14:00:00.100Z", true)
          .account("2025-03-10T14:00:00.200Z", false)
          .account("2025-03-10T14:00:00.300Z", true);

      assertThat(day.actions(RULE)).containsExactly(
          Action.CLOSE_ALL, Action.CANCEL_ALL_ORDERS, Action.LOCKOUT, Action.UNLOCK,
          Action.CLOSE_ALL, Action.CANCEL_ALL_ORDERS, Action.LOCKOUT, Action.UNLOCK);
      assertThat(day.lockouts()).isEmpty();
    }
  }

  @Test
  void anUpdateWithoutCanTradeCountsAsTradableAndLiftsTheLockout() {
    try (Scenario day = new Scenario(new AuthLossGuard())) {
      day.account("2025-03-10T14:00:00Z", false)
          .account("2025-03-10T14:01:00Z", null);

      assertThat(day.actions(RULE)).endsWith(Action.UNLOCK);
      assertThat(day.lockouts()).isEmpty();
    }
  }

  @Test
  void anUpdateWithoutCanTradeAtStartUpLocksNothing() {
    try (Scenario day = new Scenario(new AuthLossGuard())) {
      day.account("2025-03-10T14:00:00Z", null)
          .position("2025-03-10T14:01:00Z", MNQ, PositionType.LONG, 1, 21000.0);

      assertThat(day.decisions).isEmpty();
    }
  }

  @Test
  void aLockoutRestoredAfterARestartLiftsWhenTheAccountListSaysItMayTrade() {
    try (Scenario day = new Scenario(new AuthLossGuard())) {
      Instant since = Instant.parse("2025-03-10T13:00:00Z");
      day.engine().restore(Scenario.ACCOUNT, null,
          List.of(new Lockout("x", RULE, LockoutKind.INDEFINITE, null, since, null, "gateway reports canTrade=false")));

      day.account("2025-03-10T14:00:00Z", true);

      assertThat(day.actions(RULE)).containsExactly(Action.UNLOCK);
      assertThat(day.lockouts()).isEmpty();
    }
  }

  @Test
  void withTheRuleOffCanTradeFalseDecidesNothing() {
    try (Scenario day = new Scenario()) {
      day.account("2025-03-10T14:00:00Z", false);

      assertThat(day.decisions).isEmpty();
    }
  }

  @Test
  void anUpdateWithoutCanTradeIsLoggedAsAWarningEachTimeButNotWhenTheRuleIsOff() {
    try (RuleLog log = new RuleLog(); Scenario day = new Scenario(new AuthLossGuard()); Scenario off = new Scenario()) {
      day.account("2025-03-10T14:00:00Z", null)
          .account("2025-03-10T14:01:00Z", true)
          .account("2025-03-10T14:02:00Z", null);
      off.account("2025-03-10T14:00:00Z", null);

      assertThat(log.warnings()).containsExactly(
          "account 12345 RULE-010: account update without canTrade; assuming the account may trade",
          "account 12345 RULE-010: account update without canTrade; assuming the account may trade");
      assertThat(day.decisions).isEmpty();
    }
  }
}
