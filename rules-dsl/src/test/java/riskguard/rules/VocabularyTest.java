package riskguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riskguard.rules.Scenario.MNQ;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.config.PnlBasis;
import riskguard.engine.enforcement.Action;
import riskguard.engine.session.RuleCompileException;
import riskguard.engine.session.RulePackage;

/** A user's own rule in the riskguard vocabulary, dropped next to the shipped package. */
class VocabularyTest {

  private static final String HEADER = """
      package riskguard.rules;

      import riskguard.engine.model.CurrentTradingDay;
      import riskguard.engine.model.Lockout;
      import riskguard.engine.model.RiskSettings;
      import riskguard.engine.model.Trade;

      global riskguard.engine.session.DecisionChannel decisions;

      """;

  private static final String OWN_RULE = HEADER + """
      rule "Stop for the day after 200 dollars lost"
      when
          Rule CUSTOM-001 has not locked the account out
          The day's realized loss reaches 200 dollars
      then
          The reason is "lost 200 dollars today"
          For CUSTOM-001: flatten the account, cancel its orders and lock it out until the daily reset
      end
      """;

  @Test
  void aUsersOwnDslrRuleDecidesAlongsideTheShippedRules(@TempDir Path dir) throws IOException {
    copyShippedRules(dir);
    Files.writeString(dir.resolve("my-daily-stop.dslr"), OWN_RULE);
    RulePackage rules = RulePackage.compile(dir);
    assertThat(rules.ruleCount()).isEqualTo(Scenario.rules().ruleCount() + 1);

    try (Scenario day = new Scenario(rules, PnlBasis.GROSS)) {
      day.trade("2025-03-10T14:00:00Z", 1, MNQ, -150.0, 0.0);
      assertThat(day.decisions("CUSTOM-001")).isEmpty();

      day.trade("2025-03-10T14:05:00Z", 2, MNQ, -60.0, 0.0);
      assertThat(day.actions("CUSTOM-001"))
          .containsExactly(Action.CLOSE_ALL, Action.CANCEL_ALL_ORDERS, Action.LOCKOUT);
      assertThat(day.decisions("CUSTOM-001")).allSatisfy(
          decision -> assertThat(decision.reason()).isEqualTo("lost 200 dollars today"));
    }
  }

  @Test
  void aPhraseTheVocabularyLacksIsReportedWithFileAndLine(@TempDir Path dir) throws IOException {
    copyShippedRules(dir);
    Files.writeString(dir.resolve("my-daily-stop.dslr"),
        OWN_RULE.replace("The day's realized loss reaches 200 dollars", "The day's loss hits 200 dollars"));

    assertThatThrownBy(() -> RulePackage.compile(dir))
        .isInstanceOfSatisfying(RuleCompileException.class, e -> assertThat(e.errors()).anySatisfy(error -> {
          assertThat(error.toString()).startsWith("my-daily-stop.dslr:13: ");
          assertThat(error.message()).contains("Unable to expand").contains("The day's loss hits 200 dollars");
        }));
  }

  private static void copyShippedRules(Path dir) throws IOException {
    Path shipped = Path.of("src/main/resources/rules");
    try (Stream<Path> files = Files.list(shipped)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
  }
}
