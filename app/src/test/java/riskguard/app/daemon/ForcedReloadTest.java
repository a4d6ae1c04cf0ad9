package riskguard.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.config.PnlBasis;
import riskguard.config.TradingDay;
import riskguard.db.Database;
import riskguard.db.RulePackageRepository;
import riskguard.db.RulePackageRow;
import riskguard.engine.enforcement.EnforcementService;
import riskguard.engine.model.RiskSettings;
import riskguard.engine.session.Engine;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/**
 * {@code riskguard reload} forces a reload and waits for the daemon's next {@code rule_packages}
 * row (ReloadCommand: the latest row differs from the one before the signal). Forced twice in
 * the same second with no rule file changed, the package's version ({@code hash@second}) is the
 * same, and the row used to be too: the command then waited its 20 s and said nothing was
 * recorded. Each attempt's row now carries the instant of the attempt.
 */
class ForcedReloadTest {

  @TempDir Path dir;

  @Test
  void everyForcedReloadLeavesARowTheCommandCanTellFromTheOneBefore() throws Exception {
    Path rules = Files.createDirectory(dir.resolve("rules"));
    Files.writeString(rules.resolve("r.drl"), """
        package test;
        import riskguard.engine.model.Position;
        rule "R" when Position( size > 100 ) then end
        """);
    EngineSettings settings = new EngineSettings(
        TradingDay.defaults(), new RiskSettings(PnlBasis.NET, Duration.ofSeconds(10)), List.of());
    LinkedBlockingQueue<ReloadState> reloads = new LinkedBlockingQueue<>();
    DaemonListener listener = new DaemonListener() {
      @Override
      public void reloaded(ReloadState state) {
        reloads.add(state);
      }
    };
    try (Database database = Database.open(dir.resolve("riskguard.db"));
        Engine engine = Engine.replay(RulePackage.compile(rules), settings, new EnforcementService(d -> { }, a -> { }));
        HotReload reload = new HotReload(engine, rules, null, new RulePackageRepository(database)::record,
            Clock.systemUTC(), listener, null)) {
      RulePackageRepository rows = new RulePackageRepository(database);
      reload.start();
      Optional<RulePackageRow> before = rows.latest();
      for (int attempt = 1; attempt <= 2; attempt++) {
        reload.request(true);
        assertThat(reloads.poll(30, TimeUnit.SECONDS)).extracting(ReloadState::outcome)
            .isEqualTo(ReloadState.Outcome.APPLIED);
        Optional<RulePackageRow> after = rows.latest();
        assertThat(after).as("the latest row after forced reload %d", attempt).isNotEqualTo(before);
        before = after;
      }
    }
  }
}
