package riskguard.engine.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import riskguard.config.SymbolRootAliases;

/**
 * Finds the symbol root a trader knows (ES, NQ, MNQ…) for a contract. The one place that
 * knows the ProjectX naming traps: the E-mini S&amp;P is {@code CON.F.US.EP.Z25} with name
 * {@code ESZ5}, so the root comes from the contract name (minus month code and year
 * digits) when metadata is known, and from the contract id's product code, mapped through
 * the gateway aliases, when it is not.
 */
public final class SymbolRoots {

  /** Root, then a futures month code (F G H J K M N Q U V X Z), then 1–2 year digits. */
  private static final Pattern CONTRACT_NAME = Pattern.compile("([A-Z0-9]+?)[FGHJKMNQUVXZ]\\d{1,2}");

  private SymbolRoots() {}

  /** The root of a contract from its metadata name ({@code ESZ5} → ES), else from its id. */
  public static String resolve(String contractId, String contractName) {
    if (contractName != null) {
      Matcher matcher = CONTRACT_NAME.matcher(contractName.trim().toUpperCase());
      if (matcher.matches()) {
        return matcher.group(1);
      }
    }
    return fromContractId(contractId);
  }

  /** The root from a contract id alone ({@code CON.F.US.EP.Z25} → ES), for when no metadata is known. */
  public static String fromContractId(String contractId) {
    String[] parts = contractId.split("\\.");
    String product = parts.length >= 5 ? parts[parts.length - 2] : contractId;
    return canonical(product);
  }

  /**
   * A root as configured by a trader or as the gateway spells it, in the trader's spelling; the
   * config reads its roots the same way ({@link SymbolRootAliases}).
   */
  public static String canonical(String root) {
    return SymbolRootAliases.canonical(root);
  }
}
