package riskguard.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riskguard.engine.session.SizeRules.position;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.config.CountType;
import riskguard.config.LimitAction;
import riskguard.config.MaxContracts;
import riskguard.config.SymbolBlocks;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.enforcement.EnforcementService;

/**
 * A package tailored to the config ({@link RulePackage#compile(Path, EngineSettings)}): the
 * rules whose leading config patterns match no config fact are left out, every rule is still
 * checked, and a config reload brings the rules it enables in (real Drools, real files).
 */
class TailoredPackageTest {

  private static final String LIMITS = """
      package test;
      import riskguard.config.LimitAction;
      import riskguard.config.MaxContracts;
      import riskguard.config.SymbolBlocks;
      import riskguard.engine.model.Position;
      global riskguard.engine.session.DecisionChannel decisions;

      function String over(int size, int limit) {
          return "size " + size + " > " + limit;
      }

      rule "Over the limit: close the position"
      when
          MaxContracts( action == LimitAction.CLOSE_ALL, $limit : limit )
          Position( size > $limit, $c : contractId, $size : size )
      then
          decisions.closePosition("CLOSE", $c, over($size, $limit));
      end

      rule "Over the limit: reduce the position"
      when
          MaxContracts( action == LimitAction.REDUCE_TO_LIMIT, $limit : limit )
          Position( size > $limit, $c : contractId, $size : size )
      then
          decisions.closePosition("REDUCE", $c, over($size, $limit));
      end

      rule "Blocked symbols: close every position"
      when
          SymbolBlocks()
          Position( $c : contractId )
      then
          decisions.closePosition("BLOCKED", $c, "blocked");
      end

      rule "Huge position: close it whatever the config"
      when
          Position( size > 100, $c : contractId )
      then
          decisions.closePosition("HUGE", $c, "huge");
      end
      """;

  @TempDir Path dir;
  private final List<Decision> decisions = new CopyOnWriteArrayList<>();
  private final EnforcementService enforcement = new EnforcementService(decisions::add, actions -> { });

  private static EngineSettings settings(Object... sections) {
    return TestSettings.defaults().withRuleSections(List.of(sections));
  }

  private static MaxContracts maxContracts(LimitAction action) {
    return new MaxContracts(5, CountType.GROSS, action);
  }

  private Path write(String content) throws Exception {
    return Files.writeString(dir.resolve("limits.drl"), content);
  }

  @Test
  void theRulesTheConfigCannotFireAreLeftOutAndTheOthersDecideAsBefore() throws Exception {
    write(LIMITS);
    EngineSettings closeAll = settings(maxContracts(LimitAction.CLOSE_ALL));

    RulePackage tailored = RulePackage.compile(dir, closeAll);

    assertThat(tailored.build().idleRules())
        .containsExactly("Blocked symbols: close every position", "Over the limit: reduce the position");
    assertThat(tailored.ruleCount()).isEqualTo(2);
    assertThat(RulePackage.compile(dir).ruleCount()).isEqualTo(4);
    try (Engine engine = Engine.replay(tailored, closeAll, enforcement)) {
      engine.apply(position("2025-03-10T14:30:00Z", 1, 7));
      engine.apply(position("2025-03-10T14:30:01Z", 2, 101));
    }
    assertThat(decisions).extracting(Decision::rule).containsExactly("CLOSE", "CLOSE", "HUGE");
  }

  @Test
  void aConfigReloadThatSwitchesTheVariantSwapsItsRulesInAndDecidesAtOnce() throws Exception {
    write(LIMITS);
    EngineSettings closeAll = settings(maxContracts(LimitAction.CLOSE_ALL));
    try (Engine engine = Engine.live(RulePackage.compile(dir, closeAll), closeAll, enforcement)) {
      engine.apply(position("2025-03-10T14:30:00Z", 1, 3));
      engine.awaitIdle();
      String before = engine.rules().version();

      engine.updateRuleSections(List.of(new MaxContracts(2, CountType.GROSS, LimitAction.REDUCE_TO_LIMIT),
          new SymbolBlocks(Set.of("MNQ"), true)));
      engine.awaitIdle();

      assertThat(decisions).extracting(Decision::rule).containsExactlyInAnyOrder("REDUCE", "BLOCKED");
      assertThat(engine.rules().build().idleRules()).containsExactly("Over the limit: close the position");
      assertThat(engine.rules().build().contentHash()).isEqualTo(RulePackage.contentHash(dir));
      assertThat(engine.rules().version()).isNotEqualTo(before);
    }
  }

  @Test
  void aConfigReloadThatLeavesTheSameRulesIdleKeepsThePackage() throws Exception {
    write(LIMITS);
    EngineSettings closeAll = settings(maxContracts(LimitAction.CLOSE_ALL));
    try (Engine engine = Engine.replay(RulePackage.compile(dir, closeAll), closeAll, enforcement)) {
      RulePackage running = engine.rules();

      engine.updateRuleSections(List.of(new MaxContracts(2, CountType.GROSS, LimitAction.CLOSE_ALL)));
      engine.apply(position("2025-03-10T14:30:00Z", 1, 3));

      assertThat(engine.rules()).isSameAs(running);
      assertThat(decisions).extracting(Decision::reason).containsExactly("size 3 > 2");
    }
  }

  @Test
  void anErrorInALeftOutRuleIsStillReportedAtItsLine() throws Exception {
    String broken = LIMITS.replace("MaxContracts( action == LimitAction.REDUCE_TO_LIMIT, $limit : limit )",
        "MaxContracts( action == LimitAction.REDUCE_TO_LIMIT, $limit : limits )");
    int line = lineOf(broken, "limits )");
    EngineSettings closeAll = settings(maxContracts(LimitAction.CLOSE_ALL));
    write(broken);

    assertThatThrownBy(() -> RulePackage.compile(dir, closeAll))
        .isInstanceOfSatisfying(RuleCompileException.class, e -> assertThat(e.errors())
            .anySatisfy(error -> assertThat(error.toString()).startsWith("limits.drl:" + line + ":")));

    write(LIMITS);
    try (Engine engine = Engine.replay(RulePackage.compile(dir, closeAll), closeAll, enforcement)) {
      write(broken);
      assertThatThrownBy(() -> engine.prepareRules(dir))
          .isInstanceOfSatisfying(RuleCompileException.class, e -> assertThat(e.errors())
              .anySatisfy(error -> assertThat(error.toString()).startsWith("limits.drl:" + line + ":")));
    }
  }

  @Test
  void aReloadedFileKeepsTheTailoringAndReportsItsKeptRulesErrorsAtTheirLines() throws Exception {
    write(LIMITS);
    EngineSettings closeAll = settings(maxContracts(LimitAction.CLOSE_ALL));
    try (Engine engine = Engine.replay(RulePackage.compile(dir, closeAll), closeAll, enforcement)) {
      write(LIMITS.replace("size > 100", "size > 50"));
      engine.replaceRules(engine.prepareRules(dir));
      engine.apply(position("2025-03-10T14:30:00Z", 1, 51));

      assertThat(engine.rules().build().idleRules()).hasSize(2);
      assertThat(decisions).extracting(Decision::rule).containsExactly("CLOSE", "HUGE");

      String broken = LIMITS.replace("size > 100", "sise > 100");
      write(broken);
      assertThatThrownBy(() -> engine.prepareRules(dir))
          .isInstanceOfSatisfying(RuleCompileException.class, e -> assertThat(e.errors())
              .anySatisfy(error -> assertThat(error.toString()).startsWith("limits.drl:" + lineOf(broken, "sise") + ":")));
    }
  }

  @Test
  void anEngineRefusesAPackageTailoredToAnotherConfig() throws Exception {
    write(LIMITS);
    RulePackage tailored = RulePackage.compile(dir, settings(maxContracts(LimitAction.CLOSE_ALL)));

    assertThatThrownBy(() -> Engine.replay(tailored, settings(maxContracts(LimitAction.REDUCE_TO_LIMIT)), enforcement))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("compiled for another config");
  }

  @Test
  void aRuleThatOthersExtendIsKept() throws Exception {
    write(LIMITS + """

        rule "Over the limit by far: say so too" extends "Over the limit: reduce the position"
        when
            Position( size > 20 )
        then
            decisions.closePosition("FAR", $c, "far");
        end
        """);

    RulePackage tailored = RulePackage.compile(dir, settings(maxContracts(LimitAction.CLOSE_ALL)));

    assertThat(tailored.build().idleRules()).containsExactly("Blocked symbols: close every position");
  }

  @Test
  void aFileWhoseLeadingPatternsCallAFunctionKeepsItsRulesAndTheOtherFilesAreStillTailored() throws Exception {
    write(LIMITS);
    Files.writeString(dir.resolve("blocks.drl"), """
        package test;
        import riskguard.config.SymbolBlocks;
        import riskguard.engine.model.Position;
        global riskguard.engine.session.DecisionChannel decisions;

        function boolean blocksAnything(SymbolBlocks blocks) {
            return !blocks.blocked().isEmpty();
        }

        rule "Blocked symbols, asked through a function: close every position"
        when
            SymbolBlocks( blocksAnything(this) )
            Position( $c : contractId )
        then
            decisions.closePosition("BLOCKED-FN", $c, "blocked");
        end
        """);

    RulePackage tailored = RulePackage.compile(dir, settings(maxContracts(LimitAction.CLOSE_ALL)));

    assertThat(tailored.build().idleRules())
        .containsExactly("Blocked symbols: close every position", "Over the limit: reduce the position");
    assertThat(tailored.ruleCount()).isEqualTo(3);
  }

  private static int lineOf(String text, String fragment) {
    return (int) text.substring(0, text.indexOf(fragment)).lines().count();
  }
}
