package riskguard.engine.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnforcementServiceTest {

  private static final Instant T = Instant.parse("2025-03-10T14:30:00Z");
  private final List<Decision> logged = new ArrayList<>();
  private final List<List<Decision>> sent = new ArrayList<>();
  private final EnforcementService service = new EnforcementService(logged::add, sent::add);
  private int ids;

  private Decision decision(String rule, Action action) {
    return Decision.of("d" + ++ids, T, 1, rule, action, "why");
  }

  @Test
  void closeAllBeatsClosingOneAndReducingAndEveryDecisionIsStillLogged() {
    List<Decision> decisions = List.of(
        decision("RULE-001", Action.REDUCE_POSITION).withContract("A").withSize(1),
        decision("RULE-004", Action.CLOSE_POSITION).withContract("A"),
        decision("RULE-003", Action.CLOSE_ALL),
        decision("RULE-012", Action.MOVE_STOP).withContract("A").withOrder(5L).withStopPrice(10.0));

    service.enforce(decisions);

    assertThat(logged).isEqualTo(decisions);
    assertThat(sent).singleElement().satisfies(actions ->
        assertThat(actions).extracting(Decision::action).containsExactly(Action.CLOSE_ALL));
  }

  @Test
  void closingOneBeatsReducingItAndTheLargestReduceOfAContractWins() {
    service.enforce(List.of(
        decision("RULE-001", Action.REDUCE_POSITION).withContract("A").withSize(1),
        decision("RULE-002", Action.REDUCE_POSITION).withContract("B").withSize(1),
        decision("RULE-001", Action.REDUCE_POSITION).withContract("B").withSize(2),
        decision("LOCKOUT-GUARD", Action.CLOSE_POSITION).withContract("A"),
        decision("RULE-011", Action.CLOSE_POSITION).withContract("A")));

    assertThat(sent.get(0)).extracting(Decision::action, Decision::contractId, Decision::size).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Action.CLOSE_POSITION, "A", null),
        org.assertj.core.groups.Tuple.tuple(Action.REDUCE_POSITION, "B", 2));
  }

  @Test
  void theLaterEndingLockoutWinsAndIndefiniteIsLatest() {
    Instant reset = T.plusSeconds(3600);
    service.enforce(List.of(
        decision("RULE-006", Action.COOLDOWN).withUntil(T.plusSeconds(60)),
        decision("RULE-003", Action.LOCKOUT).withUntil(reset),
        decision("RULE-011", Action.LOCKOUT).withSymbol("ES")));
    service.enforce(List.of(
        decision("RULE-003", Action.LOCKOUT).withUntil(reset),
        decision("RULE-010", Action.LOCKOUT)));

    assertThat(sent.get(0)).extracting(Decision::rule).containsExactly("RULE-003", "RULE-011");
    assertThat(sent.get(1)).extracting(Decision::rule).containsExactly("RULE-010");
  }

  @Test
  void cancelAllBeatsCancellingOneAndDuplicatesCollapse() {
    service.enforce(List.of(
        decision("LOCKOUT-GUARD", Action.CANCEL_ORDER).withOrder(7L),
        decision("RULE-011", Action.CANCEL_ORDER).withOrder(7L)));
    service.enforce(List.of(
        decision("LOCKOUT-GUARD", Action.CANCEL_ORDER).withOrder(7L),
        decision("RULE-003", Action.CANCEL_ALL_ORDERS)));

    assertThat(sent.get(0)).extracting(Decision::orderId).containsExactly(7L);
    assertThat(sent.get(1)).extracting(Decision::action).containsExactly(Action.CANCEL_ALL_ORDERS);
  }

  @Test
  void noDecisionsSendNothing() {
    service.enforce(List.of());

    assertThat(logged).isEmpty();
    assertThat(sent).isEmpty();
  }
}
