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
}
