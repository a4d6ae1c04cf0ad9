package riskguard.config;

import java.util.Collection;
import java.util.Comparator;

/** Finds the valid key a mistyped one was most likely meant to be. */
final class KeySuggestion {

  private KeySuggestion() {}

  /** The nearest of {@code validKeys} by edit distance, or null when none is close. */
  static String nearest(String key, Collection<String> validKeys) {
    String lower = key.toLowerCase(java.util.Locale.ROOT);
    return validKeys.stream()
        .min(Comparator.comparingInt((String valid) -> distance(lower, valid)))
        .filter(valid -> distance(lower, valid) <= Math.max(2, valid.length() / 3))
        .orElse(null);
  }

  /** Levenshtein distance, with a swap of two neighbours counting as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
