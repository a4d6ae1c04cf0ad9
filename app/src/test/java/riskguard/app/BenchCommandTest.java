package riskguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** CI checks that the bench runs and reports every section; it does not judge the figures. */
class BenchCommandTest {

  private static final Path CONFIG = Path.of("..", "examples", "bench-config.yaml");

  @Test
  void quickJsonRunHasEverySectionWithPositiveFigures() throws Exception {
    CommandRun run = CommandRun.of("bench", "--quick", "--json", "--config", CONFIG.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode bench = new ObjectMapper().readTree(run.out());
    assertThat(bench.path("machine").path("cores").asInt()).isPositive();
    for (String figure : new String[] {"events_per_s_cpu", "events_per_s_wall", "latency_p50_us", "latency_p99_us",
        "latency_p999_us", "first_pass_events_per_s_cpu", "first_pass_latency_p50_us"}) {
      assertThat(bench.path("engine_replay").path(figure).asDouble()).as("engine_replay." + figure).isPositive();
    }
    assertThat(bench.path("engine_replay").path("rules").asInt()).isPositive();
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
  void onlyRunsTheNamedSections() throws Exception {
    CommandRun run = CommandRun.of("bench", "--quick", "--json", "--only", "live_path", "--config", CONFIG.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode bench = new ObjectMapper().readTree(run.out());
    assertThat(bench.path("live_path").path("breach_to_close_p50_ms").asDouble()).isPositive();
    assertThat(bench.has("engine_replay")).isFalse();
    assertThat(bench.has("scale")).isFalse();
    assertThat(bench.has("reload")).isFalse();
  }

  @Test
  void anUnknownSectionIsNamedAndRefused() {
    CommandRun run = CommandRun.of("bench", "--quick", "--only", "live_path,latency", "--config", CONFIG.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--only: no bench section 'latency'").contains("live_path");
  }
}
