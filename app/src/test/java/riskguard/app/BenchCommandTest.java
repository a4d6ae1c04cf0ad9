package riskguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import riskguard.config.ConfigLoader;
import riskguard.engine.session.EngineSettings;
import riskguard.engine.session.RulePackage;

/**
 * CI checks that the bench runs and reports every section, the throughput sections from a child
 * JVM under the parallel collector; it does not judge the figures.
 */
class BenchCommandTest {

  private static final Path CONFIG = Path.of("..", "examples", "bench-config.yaml");
  private static final Path SHIPPED_RULES = Path.of("..", "rules-dsl", "src", "main", "resources", "rules");

  @Test
  void quickJsonRunHasEverySectionWithPositiveFigures() throws Exception {
    CommandRun run = CommandRun.of("bench", "--quick", "--json", "--config", CONFIG.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode bench = new ObjectMapper().readTree(run.out());
    assertThat(bench.path("machine").path("cores").asInt()).isPositive();
    assertThat(bench.path("machine").path("cpu").asText()).isNotBlank();
    for (String figure : new String[] {"events_per_s_cpu", "events_per_s_wall", "latency_p50_us", "latency_p99_us",
        "latency_p999_us", "first_pass_events_per_s_cpu", "first_pass_latency_p50_us"}) {
      assertThat(bench.path("engine_replay").path(figure).asDouble()).as("engine_replay." + figure).isPositive();
    }
    assertThat(bench.path("engine_replay").path("rules").asInt()).isPositive();
    assertThat(bench.path("engine_replay").path("events").asInt()).as("--quick reached the child").isEqualTo(5_000);
    long parent = ProcessHandle.current().pid();
    for (String section : new String[] {"engine_replay", "baseline"}) {
      assertThat(bench.path(section).path("jvm_pid").asLong()).as(section + " from a child JVM").isPositive()
          .isNotEqualTo(parent);
      assertThat(bench.path(section).path("collector").asText()).as(section).isEqualTo("Parallel");
    }
    assertThat(bench.path("baseline").path("jvm_pid").asLong()).as("the baseline runs beside the replay it compares with")
        .isEqualTo(bench.path("engine_replay").path("jvm_pid").asLong());
    for (String section : new String[] {"live_path", "scale", "reload"}) {
      assertThat(bench.path(section).path("jvm_pid").asLong()).as(section + " in the bench's own JVM").isEqualTo(parent);
      assertThat(bench.path(section).path("collector").asText()).as(section)
          .isEqualTo(bench.path("machine").path("collector").asText());
    }
    assertThat(bench.path("engine_replay").path("passes_measured").asInt()).isOne();
    assertThat(bench.path("engine_replay").path("decisions_same_every_pass").asBoolean())
        .as("every pass replays the same stream to the same decisions").isTrue();
    assertThat(bench.path("baseline").path("events_per_s_cpu").asDouble()).isPositive();
    assertThat(bench.path("baseline").path("engine_cost_ratio").asDouble()).isPositive();
    assertThat(bench.path("live_path").path("breaches").asInt()).isPositive();
    assertThat(bench.path("live_path").path("breach_to_close_p50_ms").asDouble()).isPositive();
    assertThat(bench.path("live_path").path("breach_to_close_p99_ms").asDouble()).isPositive();
    assertThat(bench.path("live_path").path("cold_breach_to_close_p99_ms").asDouble()).isPositive();
    assertThat(bench.path("live_path").path("warmup_rounds").asInt()).as("cold rounds count as warm-up")
        .isBetween(bench.path("live_path").path("cold_breaches").asInt() + 1, 10);
    assertThat(bench.path("live_path").has("jit_ms")).isTrue();
    assertThat(bench.path("live_path").has("warmup_jit_quiet")).isTrue();
    for (int accounts : new int[] {10, 100, 500}) {
      assertThat(bench.path("scale").path("heap_per_account_mb_at_" + accounts).asDouble())
          .as("heap at %d accounts", accounts).isPositive();
    }
    assertThat(bench.path("scale").path("events_per_s_cpu_at_500").asDouble()).isPositive();
    assertThat(bench.path("reload").path("reload_ms").asDouble()).isPositive();
    assertThat(bench.path("reload").has("events_lost")).isTrue();
    assertThat(bench.path("reload").path("events_lost").asLong()).isZero();
    assertThat(bench.path("reload").has("events_lost_changed")).isTrue();
    assertThat(bench.path("reload").path("events_lost_changed").asLong()).isZero();
  }

  @Test
  void onlyRunsTheNamedSectionsInTheChildAndHere(@TempDir Path rules) throws Exception {
    copyRulesWithout("rule-011-symbol-blocks.drl", rules);
    EngineSettings settings = EngineSettings.from(ConfigLoader.load(CONFIG));

    CommandRun run = CommandRun.of("bench", "--quick", "--json", "--only", "live_path,engine_replay",
        "--config", CONFIG.toString(), "--rules", rules.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode bench = new ObjectMapper().readTree(run.out());
    assertThat(bench.path("live_path").path("breach_to_close_p50_ms").asDouble()).isPositive();
    assertThat(bench.path("engine_replay").path("events_per_s_cpu").asDouble()).isPositive();
    assertThat(bench.path("engine_replay").path("jvm_pid").asLong()).isNotEqualTo(ProcessHandle.current().pid());
    assertThat(bench.path("engine_replay").path("rules").asInt()).as("--rules reached the child")
        .isEqualTo(RulesOption.compile(rules, settings).ruleCount())
        .isNotEqualTo(RulePackage.shipped(settings).ruleCount());
    assertThat(run.err()).as("the child's progress is passed through")
        .contains("engine_replay: in a child JVM").contains("engine replay: first pass");
    assertThat(bench.fieldNames()).toIterable().as("the usual order, whatever the order asked")
        .containsExactly("machine", "engine_replay", "live_path");
  }

  @Test
  void aChildJvmThatFailsIsAnErrorNamingItsSections() {
    CommandRun run = CommandRun.of("bench", "--quick", "--json", "--only", "engine_replay,baseline",
        "--child-java-options=-XX:+NoSuchOptionForTheBenchChild", "--config", CONFIG.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("bench section engine_replay, baseline: the child JVM (pid ")
        .contains("exited with code 1")
        .contains("NoSuchOptionForTheBenchChild");
  }

  @Test
  void againstReplaysTheStreamThroughTheOtherPackageInTheChild(@TempDir Path withoutTradeManagement) throws Exception {
    copyRulesWithout("rule-012-trade-management.drl", withoutTradeManagement);

    CommandRun run = CommandRun.of("bench", "--quick", "--json", "--only", "against",
        "--against", withoutTradeManagement.toString(), "--config", CONFIG.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode against = new ObjectMapper().readTree(run.out()).path("against");
    assertThat(against.path("against_dir").asText()).isEqualTo(withoutTradeManagement.toAbsolutePath().toString());
    assertThat(against.path("against_rules").asInt()).as("the other package: the shipped rules but RULE-012's")
        .isPositive().isLessThan(against.path("rules").asInt());
    assertThat(against.path("speed_ratio").asDouble()).isPositive();
    assertThat(against.path("speed_ratio_lowest").asDouble()).isLessThanOrEqualTo(against.path("speed_ratio").asDouble());
    assertThat(against.path("events").asInt()).isEqualTo(5_000);
    assertThat(against.path("decisions").asLong()).as("the shipped rules decide on the bench stream").isPositive();
    assertThat(against.path("jvm_pid").asLong()).as("a throughput section: in the child JVM")
        .isNotEqualTo(ProcessHandle.current().pid());
    assertThat(run.err()).contains("against: pass 1 of 1");
  }

  @Test
  void againstWithoutAPackageIsRefused() {
    CommandRun run = CommandRun.of("bench", "--quick", "--only", "against", "--config", CONFIG.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--only against: name the package to compare with (--against DIR)");
  }

  private static void copyRulesWithout(String left, Path into) throws IOException {
    try (Stream<Path> files = Files.list(SHIPPED_RULES)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (!file.getFileName().toString().equals(left)) {
          Files.copy(file, into.resolve(file.getFileName()));
        }
      }
    }
  }

  @Test
  void anUnknownSectionIsNamedAndRefused() {
    CommandRun run = CommandRun.of("bench", "--quick", "--only", "live_path,latency", "--config", CONFIG.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--only: no bench section 'latency'").contains("live_path");
  }
}
