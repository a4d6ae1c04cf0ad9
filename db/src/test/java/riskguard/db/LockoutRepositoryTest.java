package riskguard.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockoutRepositoryTest {

    private static final Instant NOON = Instant.parse("2026-11-24T17:00:00Z");
    private static final Instant RESET = Instant.parse("2026-11-24T22:00:00Z");

    @TempDir
    Path dir;

    @Test
    void insertedLockoutRoundTripsThroughAReopen() {
        Path file = dir.resolve("riskguard.db");
        LockoutRow lockout = new LockoutRow(536, LockoutKind.UNTIL_TIME, "RULE-003", null, NOON, RESET,
                "daily realized loss -550.00 reached limit 500.00", "d-42");
        long id;
        try (Database database = Database.open(file)) {
            id = new LockoutRepository(database).insert(lockout).id();
        }
        try (Database database = Database.open(file)) {
            assertThat(new LockoutRepository(database).find(id))
                    .contains(new StoredLockout(id, lockout, null, null));
        }
    }

    @Test
    void activeMeansNotLiftedAndNotYetEnded() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            LockoutRepository lockouts = new LockoutRepository(database);
            StoredLockout untilReset = lockouts.insert(untilTime(536, "RULE-003", RESET));
            StoredLockout cooldown = lockouts.insert(new LockoutRow(536, LockoutKind.DURATION, "RULE-007", null,
                    NOON, NOON.plusSeconds(300), "loss -150.00 on one trade", "d-2"));
            StoredLockout indefinite = lockouts.insert(new LockoutRow(536, LockoutKind.INDEFINITE, "RULE-010", null,
                    NOON, null, "canTrade false", "d-3"));
            StoredLockout symbol = lockouts.insert(new LockoutRow(536, LockoutKind.SYMBOL, "RULE-011", "ES",
                    NOON, null, "ES is blocked", "d-4"));
            lockouts.insert(untilTime(999, "RULE-003", RESET));

            assertThat(lockouts.active(536, NOON.plusSeconds(60)))
                    .containsExactly(untilReset, cooldown, indefinite, symbol);
            assertThat(lockouts.active(536, NOON.plusSeconds(300)))
                    .as("a cooldown ending exactly now is over")
                    .containsExactly(untilReset, indefinite, symbol);
            assertThat(lockouts.active(536, RESET.plusSeconds(1)))
                    .containsExactly(indefinite, symbol);
            assertThat(lockouts.active(536, NOON).get(0).isActiveAt(RESET)).isFalse();
        }
    }

    @Test
    void liftEndsALockoutOnceAndKeepsWhoLiftedIt() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            LockoutRepository lockouts = new LockoutRepository(database);
            StoredLockout stored = lockouts.insert(untilTime(536, "RULE-003", RESET));
            Instant liftedAt = NOON.plusSeconds(10);

            assertThat(lockouts.lift(stored.id(), "operator:alice", liftedAt)).isTrue();
            assertThat(lockouts.lift(stored.id(), "operator:bob", liftedAt.plusSeconds(5))).isFalse();
            assertThat(lockouts.lift(stored.id() + 100, "operator:bob", liftedAt)).isFalse();

            assertThat(lockouts.active(536, NOON.plusSeconds(20))).isEmpty();
            assertThat(lockouts.find(stored.id()))
                    .contains(new StoredLockout(stored.id(), stored.lockout(), liftedAt, "operator:alice"));
        }
    }

    @Test
    void liftByRuleLiftsOnlyThatRulesLockoutsOnThatAccount() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            LockoutRepository lockouts = new LockoutRepository(database);
            StoredLockout authFirst = lockouts.insert(indefinite(536, "RULE-010"));
            StoredLockout authSecond = lockouts.insert(indefinite(536, "RULE-010"));
            StoredLockout loss = lockouts.insert(untilTime(536, "RULE-003", RESET));
            StoredLockout otherAccount = lockouts.insert(indefinite(777, "RULE-010"));
            Instant at = NOON.plusSeconds(30);

            assertThat(lockouts.liftByRule(536, "RULE-010", at)).isEqualTo(2);
            assertThat(lockouts.liftByRule(536, "RULE-010", at)).isZero();

            assertThat(lockouts.active(536, at)).containsExactly(loss);
            assertThat(lockouts.active(777, at)).containsExactly(otherAccount);
            assertThat(lockouts.find(authFirst.id()).orElseThrow().liftedBy()).isEqualTo("RULE-010");
            assertThat(lockouts.find(authSecond.id()).orElseThrow().liftedAt()).isEqualTo(at);
        }
    }

    @Test
    void allActiveListsEveryAccountInAccountOrder() {
        try (Database database = Database.open(dir.resolve("riskguard.db"))) {
            LockoutRepository lockouts = new LockoutRepository(database);
            StoredLockout later = lockouts.insert(indefinite(900, "RULE-010"));
            StoredLockout earlier = lockouts.insert(untilTime(100, "RULE-003", RESET));
            lockouts.insert(untilTime(100, "RULE-009", NOON));

            assertThat(lockouts.allActive(NOON)).containsExactly(earlier, later);
        }
    }

    @Test
    void aLockoutThatCannotEndAsDescribedIsRefusedWithItsAccountAndRule() {
        assertThatThrownBy(() -> new LockoutRow(536, LockoutKind.DURATION, "RULE-007", null, NOON, null, "loss", "d-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("536").hasMessageContaining("RULE-007");
        assertThatThrownBy(() -> new LockoutRow(536, LockoutKind.SYMBOL, "RULE-011", null, NOON, null, "blocked", "d-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symbol");
        assertThatThrownBy(() -> new LockoutRow(536, LockoutKind.INDEFINITE, "RULE-010", null, NOON, RESET, "auth", "d-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INDEFINITE");
    }

    private static LockoutRow untilTime(long accountId, String rule, Instant until) {
        return new LockoutRow(accountId, LockoutKind.UNTIL_TIME, rule, null, NOON, until, "limit reached", "d-" + rule);
    }

    private static LockoutRow indefinite(long accountId, String rule) {
        return new LockoutRow(accountId, LockoutKind.INDEFINITE, rule, null, NOON, null, "canTrade false", "d-" + rule);
    }
}
