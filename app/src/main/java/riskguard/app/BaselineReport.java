package riskguard.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import riskguard.engine.enforcement.Decision;

/**
 * Prints a {@link DecisionComparison} for {@code simulate --baseline}: each difference, then one
 * line per rule. Plain text for a trader, or one JSON object per line for machines.
 */
final class BaselineReport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BaselineReport() {}

  /** {@code + new}, {@code - baseline}, or {@code ~ baseline} followed by {@code → new}; then {@code RULE: b → n decisions: …}. */
  static void plain(DecisionComparison comparison, PrintWriter out) {
    for (DecisionComparison.Difference difference : comparison.differences()) {
      switch (difference.change()) {
        case ADDED -> out.println("+ " + DecisionText.plain(difference.candidate()));
        case REMOVED -> out.println("- " + DecisionText.plain(difference.baseline()));
        case CHANGED -> {
          out.println("~ " + DecisionText.plain(difference.baseline()));
          out.println("  → " + DecisionText.plain(difference.candidate()));
        }
      }
    }
    for (DecisionComparison.RuleSummary rule : comparison.summaries()) {
      out.println(rule.rule() + ": " + rule.baseline() + " → " + rule.candidate() + " decisions, "
          + (rule.unchanged() ? "unchanged"
              : rule.added() + " added, " + rule.removed() + " removed, " + rule.changed() + " changed"));
    }
  }

  /**
   * {@code {"change":"added","decision":{…}}}, {@code {"change":"removed","decision":{…}}},
   * {@code {"change":"changed","baseline":{…},"decision":{…}}}, then per rule {@code
   * {"rule":…,"baseline":n,"decisions":n,"added":n,"removed":n,"changed":n}}.
   */
  static void json(DecisionComparison comparison, PrintWriter out) {
    for (DecisionComparison.Difference difference : comparison.differences()) {
      ObjectNode line = JSON.createObjectNode().put("change", difference.change().name().toLowerCase(Locale.ROOT));
      if (difference.change() == DecisionComparison.Change.CHANGED) {
        line.set("baseline", node(difference.baseline()));
      }
      line.set("decision", node(difference.decision()));
      out.println(line);
    }
    for (DecisionComparison.RuleSummary rule : comparison.summaries()) {
      out.println(JSON.createObjectNode().put("rule", rule.rule()).put("baseline", rule.baseline())
          .put("decisions", rule.candidate()).put("added", rule.added()).put("removed", rule.removed())
          .put("changed", rule.changed()));
    }
  }

  private static ObjectNode node(Decision decision) {
    try {
      return (ObjectNode) JSON.readTree(DecisionText.json(decision));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back the JSON of decision " + decision.id(), e);
    }
  }
}
