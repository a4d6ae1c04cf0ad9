package riskguard.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackageTest {

  private static final String HEADER = """
      package test;
      import riskguard.engine.model.Position;
      global riskguard.engine.session.DecisionChannel decisions;
      """;

  @Test
  void compilesEveryDrlOfTheDirectoryAndCountsItsRules(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.drl"), HEADER + """
        rule "Any position is closed"
        when
            Position( $c : contractId )
        then
            decisions.closePosition("TEST", $c, "test");
        end
        """);
    Files.writeString(dir.resolve("b.drl"), HEADER + """
        rule "Nothing" when eval(false) then end
        rule "Nothing either" when eval(false) then end
        """);
    Files.writeString(dir.resolve("notes.txt"), "not a rule");

    assertThat(RulePackage.compile(dir).ruleCount()).isEqualTo(3);
  }

  @Test
  void aBrokenPackageReportsEveryErrorWithFileAndLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("good.drl"), HEADER + "rule \"ok\" when eval(true) then end\n");
    Files.writeString(dir.resolve("broken.drl"), HEADER + """
        rule "Unknown field"
        when
            Position( sizee > 1 )
        then
        end
        """);

    assertThatThrownBy(() -> RulePackage.compile(dir))
        .isInstanceOfSatisfying(RuleCompileException.class, e -> {
          assertThat(e.errors()).isNotEmpty();
          assertThat(e.errors()).allSatisfy(error -> assertThat(error.file()).isEqualTo("broken.drl"));
          assertThat(e.errors().get(0).line()).isEqualTo(6);
          assertThat(e.errors().get(0).toString()).startsWith("broken.drl:6: ");
        });
  }

  @Test
  void aDirectoryWithoutRulesIsRejected(@TempDir Path dir) {
    assertThatThrownBy(() -> RulePackage.compile(dir))
        .isInstanceOf(RuleCompileException.class)
        .hasMessageContaining("no .drl or .dslr files");
  }

  private static final String VOCABULARY = """
      [condition][]There is a position in {contract}=Position( contractId == "{contract}" )
      [consequence][]Close {contract} because "{reason}"=decisions.closePosition("TEST", "{contract}", "{reason}");
      """;

  @Test
  void aDslrRuleIsExpandedWithTheDslOfTheDirectory(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("words.dsl"), VOCABULARY);
    Files.writeString(dir.resolve("plain.dslr"), HEADER + """
        rule "Close ES"
        when
            There is a position in CON.F.US.EP.Z25
        then
            Close CON.F.US.EP.Z25 because "test"
        end
        """);
    Files.writeString(dir.resolve("also.drl"), HEADER + "rule \"ok\" when eval(true) then end\n");

    assertThat(RulePackage.compile(dir).ruleCount()).isEqualTo(2);
  }

  @Test
  void anUnmappedPhraseIsReportedWithFileAndLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("words.dsl"), VOCABULARY);
    Files.writeString(dir.resolve("typo.dslr"), HEADER + """
        rule "Close ES"
        when
            There is a positon in CON.F.US.EP.Z25
        then
            Close CON.F.US.EP.Z25 because "test"
        end
        """);

    assertThatThrownBy(() -> RulePackage.compile(dir))
        .isInstanceOfSatisfying(RuleCompileException.class, e -> {
          assertThat(e.errors()).first().satisfies(error -> {
            assertThat(error.file()).isEqualTo("typo.dslr");
            assertThat(error.line()).isEqualTo(6);
            assertThat(error.message()).contains("Unable to expand").contains("There is a positon in");
          });
          assertThat(e.getMessage()).contains("typo.dslr:6: ");
        });
  }
}
