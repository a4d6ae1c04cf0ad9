package riskguard.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shortest edit from one list of lines to another (longest common subsequence), printed
 * as a unified diff without context: {@code - expected}, {@code + actual}, {@code   same}.
 */
final class LineDiff {

  private LineDiff() {}

  /** One line of the diff: {@code mark} is ' ', '-' or '+'. */
  record Line<T>(char mark, T value) {
  }

  static <T> List<Line<T>> of(List<T> expected, List<T> actual) {
    int[][] common = new int[expected.size() + 1][actual.size() + 1];
    for (int i = expected.size() - 1; i >= 0; i--) {
      for (int j = actual.size() - 1; j >= 0; j--) {
        common[i][j] = Objects.equals(expected.get(i), actual.get(j))
            ? common[i + 1][j + 1] + 1
            : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<Line<T>> lines = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < expected.size() || j < actual.size()) {
      if (i < expected.size() && j < actual.size() && Objects.equals(expected.get(i), actual.get(j))) {
        lines.add(new Line<>(' ', expected.get(i++)));
        j++;
      } else if (j < actual.size() && (i == expected.size() || common[i][j + 1] >= common[i + 1][j])) {
        lines.add(new Line<>('+', actual.get(j++)));
      } else {
        lines.add(new Line<>('-', expected.get(i++)));
      }
    }
    return lines;
  }
}
