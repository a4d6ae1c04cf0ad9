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

/**
 * {@link RulePackage#prepareUpdate}: the next version of a running package's directory is
 * compiled from what changed (real Drools, real files), and the swapped-in rules decide on the
 * facts the sessions already hold.
 */
class IncrementalReloadTest {


  @TempDir Path dir;
  private final List<Decision> decisions = new CopyOnWriteArrayList<>();
  private final EnforcementService enforcement = new EnforcementService(decisions::add, actions -> { });
  private final EngineSettings settings = TestSettings.defaults();

  private void write(String name, String content) throws Exception {
    Files.writeString(dir.resolve(name), content);
  }

  @Test
  void aChangedFileIsCompiledAloneAndDecidesOnTheFactsTheSessionsHold() throws Exception {
    write("size.drl", sizeRule("test", "SIZE", 5));
    write("other.drl", sizeRule("test", "OTHER", 9));
    try (Engine engine = Engine.live(RulePackage.compile(dir), settings, enforcement)) {
      engine.apply(position("2025-03-10T14:30:00Z", 1, 3));
      engine.awaitIdle();
      assertThat(decisions).isEmpty();

      write("size.drl", sizeRule("test", "SIZE", 2));
      RulePackage.Build next = engine.rules().prepareUpdate(dir);
      RulePackage running = engine.replaceRules(next);
      engine.awaitIdle();

      assertThat(next.incremental()).isTrue();
      assertThat(next.compiledFiles()).containsExactly("size.drl");
      assertThat(running.ruleCount()).isEqualTo(2);
      assertThat(decisions).extracting(Decision::rule).containsExactly("SIZE");
      assertThat(engine.rules().version()).isEqualTo(next.version());
      assertThat(next.contentHash()).isEqualTo(RulePackage.contentHash(dir));
    }
  }

  @Test
  void anAddedFileJoinsAndARemovedFilesRulesLeave() throws Exception {
    write("size.drl", sizeRule("test", "SIZE", 5));
    try (Engine engine = Engine.replay(RulePackage.compile(dir), settings, enforcement)) {
      engine.apply(position("2025-03-10T14:30:00Z", 1, 3));

      write("tight.drl", sizeRule("tight", "TIGHT", 2));
      RulePackage.Build added = engine.rules().prepareUpdate(dir);
      engine.replaceRules(added);
      assertThat(added.incremental()).isTrue();
      assertThat(added.compiledFiles()).containsExactly("tight.drl");
      assertThat(decisions).extracting(Decision::rule).containsExactly("TIGHT");

      decisions.clear();
      Files.delete(dir.resolve("tight.drl"));
      RulePackage.Build removed = engine.rules().prepareUpdate(dir);
      RulePackage running = engine.replaceRules(removed);
      engine.apply(position("2025-03-10T14:30:05Z", 2, 4));

      assertThat(removed.incremental()).isTrue();
      assertThat(removed.compiledFiles()).containsExactly("tight.drl");
      assertThat(running.ruleCount()).isEqualTo(1);
      assertThat(decisions).isEmpty();
    }
  }

  @Test
  void aBrokenFileIsRejectedWithItsLineAndTheRunningRulesStayUntilItIsFixed() throws Exception {
    write("size.drl", sizeRule("test", "SIZE", 3));
    try (Engine engine = Engine.replay(RulePackage.compile(dir), settings, enforcement)) {
      String running = engine.rules().version();
      write("size.drl", sizeRule("test", "SIZE", 1).replace("size > 1", "sizee > 1"));

      assertThatThrownBy(() -> engine.rules().prepareUpdate(dir))
          .isInstanceOfSatisfying(RuleCompileException.class, e ->
              assertThat(e.errors()).first().satisfies(error -> {
                assertThat(error.file()).isEqualTo("size.drl");
                assertThat(error.line()).isEqualTo(7);
              }));
      engine.apply(position("2025-03-10T14:30:00Z", 1, 2));
      engine.apply(position("2025-03-10T14:30:01Z", 2, 4));
      assertThat(decisions).extracting(Decision::accountId).containsExactly(2L);
      assertThat(engine.rules().version()).isEqualTo(running);

      write("size.drl", sizeRule("test", "SIZE", 1));
      RulePackage.Build fixed = engine.rules().prepareUpdate(dir);
      engine.replaceRules(fixed);

      assertThat(fixed.incremental()).isFalse();
      assertThat(decisions).extracting(Decision::accountId).contains(1L);
      assertThat(engine.rules().version()).isEqualTo(fixed.version());
    }
  }

  @Test
  void aFileThatDoesNotParseShowsOnlyItsOwnErrors() throws Exception {
    write("size.drl", sizeRule("test", "SIZE", 3));
    write("types.drl", """
        package test;
        declare Marked
            contractId : String
        end
        """);
    write("user.drl", """
        package test;
        global riskguard.engine.session.DecisionChannel decisions;
        rule "MARKED" when Marked( $c : contractId ) then decisions.closePosition("MARKED", $c, "marked"); end
        """);
    try (Engine engine = Engine.replay(RulePackage.compile(dir), settings, enforcement)) {
      write("types.drl", "package test;\ndeclare Marked\n    contractId : String\nen\n");

      assertThatThrownBy(() -> engine.rules().prepareUpdate(dir))
          .isInstanceOfSatisfying(RuleCompileException.class, e -> {
            assertThat(e.errors()).first().satisfies(error -> assertThat(error.file()).isEqualTo("types.drl"));
            assertThat(e.errors()).noneSatisfy(error -> assertThat(error.file()).isEqualTo("user.drl"));
          });
    }
  }

  @Test
  void aChangedVocabularyRecompilesTheRulesWrittenInIt() throws Exception {
    String vocabulary = """
        [when]A position holds more than {n} contracts=$p : Position( size > {n}, $c : contractId )
        [then]Close it as {rule}=%s
        """;
    write("words.dsl", vocabulary.formatted("decisions.closePosition(\"{rule}\", $c, \"size\");"));
    write("words.dslr", """
        package words;
        import riskguard.engine.model.Position;
        global riskguard.engine.session.DecisionChannel decisions;

        rule "WORDS"
        when
            A position holds more than 2 contracts
        then
            Close it as WORDS
        end
        """);
    write("size.drl", sizeRule("test", "SIZE", 9));
    try (Engine engine = Engine.replay(RulePackage.compile(dir), settings, enforcement)) {
      write("words.dsl", vocabulary.formatted("decisions.closeAll(\"{rule}\", \"size\");"));
      RulePackage.Build next = engine.rules().prepareUpdate(dir);
      engine.replaceRules(next);
      engine.apply(position("2025-03-10T14:30:00Z", 1, 3));

      assertThat(next.compiledFiles()).contains("words.dsl", "words.dslr");
      assertThat(decisions).extracting(Decision::rule).containsExactly("WORDS");
      assertThat(decisions).extracting(decision -> decision.action().name()).containsExactly("CLOSE_ALL");
    }
  }

  @Test
  void aChangedDslrIsExpandedWithTheVocabularyAlreadyCompiled() throws Exception {
    write("words.dsl", """
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
    write("words.dslr", rule.formatted(5, "WORDS-5"));
    try (Engine engine = Engine.replay(RulePackage.compile(dir), settings, enforcement)) {
      engine.apply(position("2025-03-10T14:30:00Z", 1, 3));

      write("words.dslr", rule.formatted(2, "WORDS-2"));
      RulePackage.Build next = engine.rules().prepareUpdate(dir);
      engine.replaceRules(next);

      assertThat(next.incremental()).isTrue();
      assertThat(next.compiledFiles()).containsExactly("words.dslr");
      assertThat(decisions).extracting(Decision::rule).containsExactly("WORDS-2");
    }
  }

  @Test
  void factsOfATypeDeclaredInAChangedFileKeepMatchingTheOtherFilesRules() throws Exception {
    String declaring = """
        package test;
        import riskguard.engine.model.Position;
        global riskguard.engine.session.DecisionChannel decisions;

        declare Seen
            contractId : String
        end

        rule "SEEN: remember each contract once"
        when
            Position( $c : contractId )
            not Seen( contractId == $c )
        then
            insert(new Seen($c));
        end

        rule "%s"
        when
            eval(false)
        then
        end
        """;
    write("seen.drl", declaring.formatted("NOTHING-1"));
    write("warn.drl", """
        package test;
        global riskguard.engine.session.DecisionChannel decisions;

        rule "WARN: a contract is seen"
        when
            Seen( $c : contractId )
        then
            decisions.warn("WARN", 100, "seen " + $c);
        end
        """);
    try (Engine engine = Engine.replay(RulePackage.compile(dir), settings, enforcement)) {
      engine.apply(position("2025-03-10T14:30:00Z", 1, 3));
      assertThat(decisions).extracting(Decision::rule).containsExactly("WARN");

      write("seen.drl", declaring.formatted("NOTHING-2"));
      RulePackage.Build next = engine.rules().prepareUpdate(dir);
      engine.replaceRules(next);
      engine.apply(position("2025-03-10T14:30:05Z", 1, 4));

      assertThat(next.compiledFiles()).containsExactly("seen.drl");
      assertThat(decisions).extracting(Decision::rule).containsExactly("WARN");
    }
  }
}
