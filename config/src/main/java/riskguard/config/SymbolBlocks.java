package riskguard.config;

import java.util.Locale;
import java.util.Set;

/**
 * RULE-011: symbol roots that may not be traded (upper-case). {@code closeExisting} decides whether
 * a position already open in a blocked root when the block takes effect is closed too.
 */
public record SymbolBlocks(Set<String> blocked, boolean closeExisting) {

  public SymbolBlocks {
    blocked = Set.copyOf(blocked);
  }

  public boolean isBlocked(String root) {
    return root != null && blocked.contains(root.toUpperCase(Locale.ROOT));
  }
}
