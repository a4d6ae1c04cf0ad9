package riskguard.config;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * RULE-011: symbol roots that may not be traded (upper-case). {@code closeExisting} decides whether
 * a position already open in a blocked root when the block takes effect is closed too. The roots
 * keep the config's order, so what is decided for several at one instant comes out the same way
 * on every run (an immutable {@code Set.copyOf} iterates in an order that changes from run to run).
 */
public record SymbolBlocks(Set<String> blocked, boolean closeExisting) {

  public SymbolBlocks {
    blocked = Collections.unmodifiableSet(new LinkedHashSet<>(blocked));
  }

  public boolean isBlocked(String root) {
    return root != null && blocked.contains(root.toUpperCase(Locale.ROOT));
  }
}
