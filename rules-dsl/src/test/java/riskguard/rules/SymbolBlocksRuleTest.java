package riskguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static riskguard.rules.Scenario.ES;
import static riskguard.rules.Scenario.MNQ;
import static riskguard.rules.Scenario.NQ;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import riskguard.config.SymbolBlocks;
import riskguard.engine.enforcement.Action;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.model.Contract;
import riskguard.engine.model.Lockout;
import riskguard.engine.model.LockoutKind;
import riskguard.engine.model.OrderSide;
import riskguard.engine.model.OrderStatus;
import riskguard.engine.model.OrderType;
import riskguard.engine.model.PositionType;

/** RULE-011 symbol blocks, in a real session. */
class SymbolBlocksRuleTest {

  private static final String RULE = "RULE-011";
  private static final String RTY = "CON.F.US.RTY.Z25";

  @Test
  void everyBlockedRootIsLockedForTheAccountAtTheFirstEventAndOnlyThatRoot() {
    try (Scenario day = new Scenario(new SymbolBlocks(Set.of("RTY", "ES"), true))) {
      day.account("2025-03-10T14:00:00Z", true);

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::symbol, Decision::until)
          .containsExactlyInAnyOrder(tuple(Action.LOCKOUT, "RTY", null), tuple(Action.LOCKOUT, "ES", null));
      assertThat(day.lockouts()).allSatisfy(lockout -> assertThat(lockout.kind()).isEqualTo(LockoutKind.INDEFINITE));
    }
  }

  @Test
  void aPositionInABlockedRootIsClosedWhileOtherSymbolsTrade() {
    try (Scenario day = new Scenario(new SymbolBlocks(Set.of("ES"), false))) {
      day.account("2025-03-10T14:00:00Z", true)
          .position("2025-03-10T14:10:00Z", MNQ, PositionType.LONG, 2, 21000.0)
          .position("2025-03-10T14:11:00Z", ES, PositionType.LONG, 1, 5800.0)
          .position("2025-03-10T14:12:00Z", NQ, PositionType.SHORT, 1, 21000.0);

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::contractId, Decision::ts).containsExactly(
          tuple(Action.LOCKOUT, null, Instant.parse("2025-03-10T14:00:00Z")),
          tuple(Action.CLOSE_POSITION, ES, Instant.parse("2025-03-10T14:11:00Z")));
      assertThat(day.decisions("LOCKOUT-GUARD")).as("RULE-011 itself closes it").isEmpty();
    }
  }

  @Test
  void anOrderInABlockedRootIsCancelledAndOrdersInOtherRootsStay() {
    try (Scenario day = new Scenario(new SymbolBlocks(Set.of("ES"), false))) {
      day.account("2025-03-10T14:00:00Z", true)
          .order("2025-03-10T14:10:00Z", 41, MNQ, OrderStatus.OPEN, OrderType.LIMIT, OrderSide.BUY, null)
          .order("2025-03-10T14:10:01Z", 42, ES, OrderStatus.OPEN, OrderType.LIMIT, OrderSide.BUY, null);

      assertThat(day.decisions(RULE)).filteredOn(decision -> decision.action() == Action.CANCEL_ORDER)
          .extracting(Decision::orderId).containsExactly(42L);
    }
  }

  @Test
  void theGatewayCodeInTheListBlocksTheRootTradersKnow() {
    try (Scenario day = new Scenario(new SymbolBlocks(Set.of("EP"), false))) {
      day.account("2025-03-10T14:00:00Z", true)
          .position("2025-03-10T14:11:00Z", ES, PositionType.LONG, 1, 5800.0);

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::symbol).containsExactly(
          tuple(Action.LOCKOUT, "ES"), tuple(Action.CLOSE_POSITION, null));
    }
  }

  @Test
  void withCloseExistingWhatWasOpenWhenTheBlockBeganIsClosedAndCancelledToo() {
    try (Scenario day = new Scenario(new SymbolBlocks(Set.of("ES"), true))) {
      day.position("2025-03-10T13:00:00Z", ES, PositionType.LONG, 1, 5800.0)
          .order("2025-03-10T13:00:00Z", 9, ES, OrderStatus.OPEN, OrderType.STOP, OrderSide.SELL, 5790.0)
          .position("2025-03-10T13:00:00Z", MNQ, PositionType.LONG, 1, 21000.0);

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::contractId, Decision::orderId)
          .containsExactlyInAnyOrder(
              tuple(Action.LOCKOUT, null, null),
              tuple(Action.CLOSE_POSITION, ES, null),
              tuple(Action.CANCEL_ORDER, null, 9L));
    }
  }

  @Test
  void withoutCloseExistingWhatWasOpenWhenTheBlockBeganIsLeftButAddingToItIsNot() {
    try (Scenario day = new Scenario(new SymbolBlocks(Set.of("ES"), false))) {
      day.position("2025-03-10T13:00:00Z", ES, PositionType.LONG, 1, 5800.0)
          .order("2025-03-10T13:00:00Z", 9, ES, OrderStatus.OPEN, OrderType.STOP, OrderSide.SELL, 5790.0);
      assertThat(day.actions(RULE)).containsExactly(Action.LOCKOUT);

      day.position("2025-03-10T13:05:00Z", ES, PositionType.LONG, 2, 5801.0);

      assertThat(day.decisions(RULE)).last().extracting(Decision::action, Decision::contractId)
          .containsExactly(Action.CLOSE_POSITION, ES);
      assertThat(day.decisions).extracting(Decision::orderId).as("its stop is left").doesNotContain(9L);
    }
  }

  @Test
  void removingARootFromTheListOnReloadLiftsItsLockoutAndKeepsTheOthers() throws InterruptedException {
    try (Scenario day = new Scenario(new SymbolBlocks(Set.of("RTY", "ES"), true))) {
      day.account("2025-03-10T14:00:00Z", true);

      day.engine().updateRuleSections(List.of(new SymbolBlocks(Set.of("RTY"), true)));

      assertThat(day.decisions(RULE)).last().extracting(Decision::action, Decision::symbol)
          .containsExactly(Action.UNLOCK, "ES");
      assertThat(day.lockouts()).extracting(Lockout::symbol).containsExactly("RTY");

      day.position("2025-03-10T14:10:00Z", ES, PositionType.LONG, 1, 5800.0)
          .position("2025-03-10T14:11:00Z", RTY, PositionType.LONG, 1, 2100.0);
      assertThat(day.decisions(RULE)).last().extracting(Decision::action, Decision::contractId)
          .containsExactly(Action.CLOSE_POSITION, RTY);
    }
  }

  @Test
  void aBlockAddedOnReloadLocksTheRootThen() throws InterruptedException {
    try (Scenario day = new Scenario(new SymbolBlocks(Set.of("RTY"), false))) {
      day.account("2025-03-10T14:00:00Z", true)
          .position("2025-03-10T14:05:00Z", ES, PositionType.LONG, 1, 5800.0);

      day.engine().updateRuleSections(List.of(new SymbolBlocks(Set.of("RTY", "ES"), true)));

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::symbol, Decision::contractId)
          .containsExactly(
              tuple(Action.LOCKOUT, "RTY", null),
              tuple(Action.LOCKOUT, "ES", null),
              tuple(Action.CLOSE_POSITION, null, ES));
    }
  }

  @Test
  void aRestartWithTheRootNoLongerBlockedLiftsTheRestoredLockout() {
    try (Scenario day = new Scenario(new SymbolBlocks(Set.of("RTY"), false))) {
      day.engine().restore(Scenario.ACCOUNT, null, List.of(
          new Lockout("old-es", RULE, LockoutKind.INDEFINITE, "ES", Instant.parse("2025-03-07T14:00:00Z"), null, "ES is blocked"),
          new Lockout("old-rty", RULE, LockoutKind.INDEFINITE, "RTY", Instant.parse("2025-03-07T14:00:00Z"), null, "RTY is blocked")));

      day.account("2025-03-10T14:00:00Z", true);

      assertThat(day.decisions(RULE)).extracting(Decision::action, Decision::symbol).containsExactly(tuple(Action.UNLOCK, "ES"));
      assertThat(day.lockouts()).extracting(Lockout::symbol).containsExactly("RTY");
    }
  }

  @Test
  void contractMetadataArrivingAfterThePositionNamesABlockedRootAndThePositionIsClosed() {
    String gold = "CON.F.US.GCE.Z25";
    try (Scenario day = new Scenario(new SymbolBlocks(Set.of("GC"), false))) {
      day.account("2025-03-10T14:00:00Z", true)
          .position("2025-03-10T14:10:00Z", gold, PositionType.LONG, 1, 2650.0);
      assertThat(day.decisions(RULE)).as("without metadata the root is GCE").extracting(Decision::action)
          .containsExactly(Action.LOCKOUT);

      day.contract("2025-03-10T14:10:01Z", Contract.of(gold, "GCZ5", 0.1, 10.0, "F.US.GCE"));

      assertThat(day.decisions(RULE)).last().extracting(Decision::action, Decision::contractId, Decision::ts)
          .containsExactly(Action.CLOSE_POSITION, gold, Instant.parse("2025-03-10T14:10:01Z"));
    }
  }
}
