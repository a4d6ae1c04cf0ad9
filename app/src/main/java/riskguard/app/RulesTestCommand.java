package riskguard.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import riskguard.config.ConfigException;
import riskguard.config.ConfigLoader;
import riskguard.config.RiskguardConfig;
import riskguard.connectors.recording.RecordingFormatException;
import riskguard.engine.enforcement.Decision;
import riskguard.engine.session.RuleCompileException;
import riskguard.engine.session.RuleError;
import riskguard.engine.session.RulePackage;

/**
 * {@code riskguard rules test [DIR]}: compiles a rule package and replays each of its test
 * cases ({@link RuleTestCase}) the way {@code simulate} does, comparing the decisions with the
 * expected {@code simulate --json} lines. Exits 1 when a case fails or there is none.
 */
@Command(
    name = "test",
    description = "Runs the test cases in DIR/tests (default: the shipped rules and their cases) and diffs the decisions.")
final class RulesTestCommand implements Callable<Integer> {

  /** A file of the shipped package, to find its tests on the classpath. */
  private static final String SHIPPED_MARKER = "rules/lockout-guard.drl";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Rule package directory with a tests/ folder.")
  Path dir;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RulePackage rules;
    try {
      rules = RulesOption.compile(dir);
    } catch (RuleCompileException e) {
      e.errors().stream().map(RuleError::toString).forEach(err::println);
      err.println(e.errors().size() + " error(s) in " + RulesOption.describe(dir));
      return 1;
    }
    if (dir != null) {
      return run(rules, dir.resolve(RuleTestCase.TESTS_DIR), out);
    }
    URI shipped = shippedTests();
    if ("jar".equals(shipped.getScheme())) {
      try (FileSystem jar = FileSystems.newFileSystem(shipped, Map.of())) {
        return run(rules, jar.provider().getPath(shipped), out);
      }
    }
    return run(rules, Path.of(shipped), out);
  }

  private int run(RulePackage rules, Path testsDir, PrintWriter out) {
    List<RuleTestCase> cases;
    try {
      cases = RuleTestCase.in(testsDir);
    } catch (IOException e) {
      out.println(testsDir + ": " + e.getMessage());
      return 1;
    }
    if (cases.isEmpty()) {
      out.println("no test cases in " + testsDir + " (each case is NAME.jsonl, NAME.config.yaml, NAME.expected.jsonl)");
      return 1;
    }
    int failed = 0;
    for (RuleTestCase testCase : cases) {
      if (!passes(testCase, rules, out)) {
        failed++;
      }
    }
    out.println(cases.size() + " cases: " + (cases.size() - failed) + " passed, " + failed + " failed ("
        + rules.ruleCount() + " rules from " + RulesOption.describe(dir) + ")");
    return failed == 0 ? 0 : 1;
  }

  private boolean passes(RuleTestCase testCase, RulePackage rules, PrintWriter out) {
    List<String> problems = new ArrayList<>();
    List<JsonNode> expected;
    List<JsonNode> actual = new ArrayList<>();
    try {
      expected = expectedLines(testCase.expected());
      RiskguardConfig settings = ConfigLoader.load(testCase.config());
      for (Decision decision : Simulation.decisions(testCase.events(), rules, settings, problems::add)) {
        actual.add(JSON.readTree(DecisionText.json(decision)));
      }
    } catch (ConfigException e) {
      return fail(testCase, e.errors().stream().map(Object::toString).toList(), out);
    } catch (RecordingReplay.MissingContractException | RecordingFormatException | InvalidExpectation e) {
      return fail(testCase, List.of(e.getMessage()), out);
    } catch (IOException e) {
      return fail(testCase, List.of(testCase.name() + ": " + e.getMessage()), out);
    }
    List<LineDiff.Line<JsonNode>> diff = LineDiff.of(byInstant(expected), byInstant(actual));
    long missing = diff.stream().filter(line -> line.mark() == '-').count();
    long unexpected = diff.stream().filter(line -> line.mark() == '+').count();
    if (missing == 0 && unexpected == 0) {
      out.println("PASS " + testCase.name() + " (" + actual.size() + " decisions)");
      problems.forEach(problem -> out.println("  note: " + problem));
      return true;
    }
    out.println("FAIL " + testCase.name() + ": " + missing + " expected decision(s) not made, "
        + unexpected + " unexpected (- expected, + actual)");
    problems.forEach(problem -> out.println("  note: " + problem));
    diff.forEach(line -> out.println("  " + line.mark() + " " + line.value()));
    return false;
  }

  private static boolean fail(RuleTestCase testCase, List<String> reasons, PrintWriter out) {
    out.println("FAIL " + testCase.name() + ":");
    reasons.forEach(reason -> out.println("  " + reason));
    return false;
  }

  /**
   * The decisions in time order, and those of one instant in the order of their text. Rules
   * that decide on the same event fire in an order Drools chooses (and the enforcement merges
   * their actions anyway), so a case pins what is decided at each instant, not the firing order.
   */
  private static List<JsonNode> byInstant(List<JsonNode> decisions) {
    return decisions.stream()
        .sorted(Comparator.comparing(RulesTestCommand::instantOf).thenComparing(JsonNode::toString))
        .toList();
  }

  /** The decision's {@code ts}; one without a readable time sorts first (and matches nothing). */
  private static Instant instantOf(JsonNode decision) {
    try {
      return Instant.parse(decision.path("ts").asText());
    } catch (DateTimeParseException e) {
      return Instant.MIN;
    }
  }

  /** The expected lines, one JSON object each; blank lines and {@code #} comments are skipped. */
  private static List<JsonNode> expectedLines(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new InvalidExpectation(file + ": missing (the decisions this case must produce, as simulate --json prints them)");
    }
    List<JsonNode> lines = new ArrayList<>();
    List<String> text = Files.readAllLines(file);
    for (int number = 1; number <= text.size(); number++) {
      String line = text.get(number - 1).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        if (!node.isObject()) {
          throw new InvalidExpectation(file + ":" + number + ": not a JSON object");
        }
        lines.add(node);
      } catch (JsonProcessingException e) {
        throw new InvalidExpectation(file + ":" + number + ": not JSON: " + e.getOriginalMessage());
      }
    }
    return lines;
  }

  private static URI shippedTests() {
    URL marker = RulesTestCommand.class.getClassLoader().getResource(SHIPPED_MARKER);
    if (marker == null) {
      throw new IllegalStateException("the shipped rule package (" + SHIPPED_MARKER + ") is not on the classpath");
    }
    try {
      return URI.create(marker.toURI().toString().replace("lockout-guard.drl", RuleTestCase.TESTS_DIR + "/"));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot read the shipped rule package at " + marker, e);
    }
  }

  /** The expected file of a case is missing or not JSON lines. */
  private static final class InvalidExpectation extends RuntimeException {
    InvalidExpectation(String message) {
      super(message);
    }
  }
}
