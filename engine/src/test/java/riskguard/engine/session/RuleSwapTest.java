package riskguard.engine.session;

import static riskguard.engine.session.SizeRules.position;
import static riskguard.engine.session.SizeRules.sizeRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.enforcement.EnforcementService;

/** A running engine takes a changed rule directory between two events and keeps its sessions' facts. */
class RuleSwapTest {


  @TempDir Path dir;
  private final List<Decision> decisions = new CopyOnWriteArrayList<>();
  private final EnforcementService enforcement = new EnforcementService(decisions::add, actions -> { });
  private final EngineSettings settings = TestSettings.defaults();

  @Test
  void aLoweredLimitDecidesOnThePositionsTheSessionsAlreadyHold() throws Exception {
    Files.writeString(dir.resolve("size.drl"), sizeRule("test", "SIZE", 3));
    RulePackage first = RulePackage.compile(dir);
    try (Engine engine = Engine.live(first, settings, enforcement)) {
      engine.apply(position("2025-03-10T14:30:00Z", 1, 2));
      engine.apply(position("2025-03-10T14:30:00Z", 2, 2));
      engine.awaitIdle();
      assertThat(decisions).isEmpty();

      Files.writeString(dir.resolve("size.drl"), sizeRule("test", "SIZE", 1));
      RulePackage running = engine.replaceRules(RulePackage.prepare(dir));
      engine.awaitIdle();

      assertThat(decisions).extracting(Decision::accountId).containsExactlyInAnyOrder(1L, 2L);
      assertThat(running.version()).isNotEqualTo(first.version());
      assertThat(engine.rules().version()).isEqualTo(running.version());
    }
  }

  @Test
  void aRuleAddedInANewFileJoinsAndARemovedFilesRulesLeave() throws Exception {
    Files.writeString(dir.resolve("size.drl"), sizeRule("test", "SIZE", 5));
    try (Engine engine = Engine.replay(RulePackage.compile(dir), settings, enforcement)) {
      engine.apply(position("2025-03-10T14:30:00Z", 1, 3));
      assertThat(decisions).isEmpty();

      Files.writeString(dir.resolve("tight.drl"), sizeRule("tight", "TIGHT", 2));
      engine.replaceRules(RulePackage.prepare(dir));
      assertThat(decisions).extracting(Decision::rule).containsExactly("TIGHT");

      decisions.clear();
      Files.delete(dir.resolve("tight.drl"));
      RulePackage running = engine.replaceRules(RulePackage.prepare(dir));
      engine.apply(position("2025-03-10T14:30:05Z", 2, 4));

      assertThat(running.ruleCount()).isEqualTo(1);
      assertThat(decisions).isEmpty();
    }
  }

  @Test
  void aBrokenFileIsRejectedWithItsLineAndTheRunningRulesGoOnDeciding() throws Exception {
    Files.writeString(dir.resolve("size.drl"), sizeRule("test", "SIZE", 3));
    try (Engine engine = Engine.replay(RulePackage.compile(dir), settings, enforcement)) {
      String running = engine.rules().version();
      Files.writeString(dir.resolve("broken.drl"), """
          package test;
          rule "broken"
          when
              NoSuchFact( )
          then
          end
          """);

      assertThatThrownBy(() -> RulePackage.prepare(dir))
          .isInstanceOfSatisfying(RuleCompileException.class, e ->
              assertThat(e.errors()).anySatisfy(error -> {
                assertThat(error.file()).isEqualTo("broken.drl");
                assertThat(error.line()).isEqualTo(4);
              }));

      engine.apply(position("2025-03-10T14:30:00Z", 1, 4));
      assertThat(decisions).extracting(Decision::rule).containsExactly("SIZE");
      assertThat(engine.rules().version()).isEqualTo(running);
    }
  }

  @Test
  void aChangedDslrIsExpandedWithTheDirectorysVocabulary() throws Exception {
    Files.writeString(dir.resolve("words.dsl"), """
        [when]A position holds more than {n} contracts=$p : Position( size > {n}, $c : contractId )
        [then]Close it as {rule}=decisions.closePosition("{rule}", $c, "size");
        """);
    String rule = """
        package words;
        import riskguard.engine.model.Position;
        global riskguard.engine.session.DecisionChannel decisions;

        rule "WORDS"
        when
            A position holds more than %d contracts
        then
            Close it as %s
        end
        """;
    Files.writeString(dir.resolve("words.dslr"), rule.formatted(5, "WORDS-5"));
    try (Engine engine = Engine.replay(RulePackage.compile(dir), settings, enforcement)) {
      engine.apply(position("2025-03-10T14:30:00Z", 1, 3));
      assertThat(decisions).isEmpty();

      Files.writeString(dir.resolve("words.dslr"), rule.formatted(2, "WORDS-2"));
      engine.replaceRules(RulePackage.prepare(dir));

      assertThat(decisions).extracting(Decision::rule).containsExactly("WORDS-2");
    }
  }
}
