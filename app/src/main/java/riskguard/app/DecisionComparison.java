package riskguard.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import riskguard.engine.enforcement.Decision;

/**
 * The decisions two rule packages made on the same recording, compared: a decision both made
 * alike is the same; one that only the new package made is added, one that only the baseline
 * made is removed; the same action at the same time on the same target that differs in its
 * details (size, until, level, stop price, reason) is changed.
 */
final class DecisionComparison {

  enum Change { ADDED, REMOVED, CHANGED }

  /** One difference; {@code baseline} is null for an added decision, {@code candidate} for a removed one. */
  record Difference(Change change, Decision baseline, Decision candidate) {

    Decision decision() {
      return candidate != null ? candidate : baseline;
    }
  }

  /** How one rule's decisions moved: counts before and after, and what differs. */
  record RuleSummary(String rule, int baseline, int candidate, int added, int removed, int changed) {

    boolean unchanged() {
      return added == 0 && removed == 0 && changed == 0;
    }
  }

  private final List<Difference> differences;
  private final List<RuleSummary> summaries;

  private DecisionComparison(List<Difference> differences, List<RuleSummary> summaries) {
    this.differences = differences;
    this.summaries = summaries;
  }

  static DecisionComparison of(List<Decision> baseline, List<Decision> candidate) {
    boolean[] baselineMatched = new boolean[baseline.size()];
    boolean[] candidateMatched = new boolean[candidate.size()];
    List<Difference> differences = new ArrayList<>();
    match(baseline, candidate, baselineMatched, candidateMatched, DecisionComparison::alike, null);
    match(baseline, candidate, baselineMatched, candidateMatched, DecisionComparison::sameTarget, differences);
    for (int i = 0; i < candidate.size(); i++) {
      if (!candidateMatched[i]) {
        differences.add(new Difference(Change.ADDED, null, candidate.get(i)));
      }
    }
    for (int i = 0; i < baseline.size(); i++) {
      if (!baselineMatched[i]) {
        differences.add(new Difference(Change.REMOVED, baseline.get(i), null));
      }
    }
    differences.sort(Comparator.comparing(difference -> difference.decision().ts()));
    return new DecisionComparison(List.copyOf(differences), summarize(baseline, candidate, differences));
  }

  /** Pairs each unmatched candidate with the first unmatched baseline decision that fits; pairs become CHANGED when {@code changed} is given. */
  private static void match(List<Decision> baseline, List<Decision> candidate, boolean[] baselineMatched,
      boolean[] candidateMatched, BiPredicate<Decision, Decision> fits, List<Difference> changed) {
    for (int c = 0; c < candidate.size(); c++) {
      if (candidateMatched[c]) {
        continue;
      }
      for (int b = 0; b < baseline.size(); b++) {
        if (!baselineMatched[b] && fits.test(baseline.get(b), candidate.get(c))) {
          baselineMatched[b] = true;
          candidateMatched[c] = true;
          if (changed != null) {
            changed.add(new Difference(Change.CHANGED, baseline.get(b), candidate.get(c)));
          }
          break;
        }
      }
    }
  }

  /** Equal in every printed field (the decision id differs between runs and is not compared). */
  private static boolean alike(Decision a, Decision b) {
    return DecisionText.json(a).equals(DecisionText.json(b));
  }

  private static boolean sameTarget(Decision a, Decision b) {
    return a.ts().equals(b.ts()) && a.accountId() == b.accountId() && a.rule().equals(b.rule())
        && a.action() == b.action() && Objects.equals(a.contractId(), b.contractId())
        && Objects.equals(a.symbol(), b.symbol()) && Objects.equals(a.orderId(), b.orderId());
  }

  private static List<RuleSummary> summarize(List<Decision> baseline, List<Decision> candidate, List<Difference> differences) {
    TreeMap<String, int[]> counts = new TreeMap<>();
    baseline.forEach(decision -> counts.computeIfAbsent(decision.rule(), rule -> new int[5])[0]++);
    candidate.forEach(decision -> counts.computeIfAbsent(decision.rule(), rule -> new int[5])[1]++);
    differences.forEach(difference -> counts.get(difference.decision().rule())[2 + difference.change().ordinal()]++);
    return counts.entrySet().stream()
        .map(entry -> {
          int[] c = entry.getValue();
          return new RuleSummary(entry.getKey(), c[0], c[1], c[2], c[3], c[4]);
        })
        .toList();
  }

  List<Difference> differences() {
    return differences;
  }

  /** One per rule that decided anything in either run, by rule name. */
  List<RuleSummary> summaries() {
    return summaries;
  }
}
