package riskguard.connectors.sim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The contracts the simulator trades, with the real gateway's ids and naming quirks: the
 * E-mini S&amp;P is {@code CON.F.US.EP.Z25} / {@code F.US.EP} but named {@code ESZ5}; the E-mini
 * Nasdaq is {@code CON.F.US.ENQ.H25} / {@code F.US.ENQ} named {@code NQH5}; crude and gold use
 * {@code CLE} and {@code GCE}.
 *
 * <p>Fee table (dollars per contract per side, charged on every fill, so a round turn costs
 * twice this): MNQ 0.37, MES 0.37, NQ 1.40, ES 1.40, RTY 1.40, CL 1.52, GC 1.62. These are the
 * simulator's illustrative exchange-plus-clearing fees, close to what TopstepX charges.
 */
public final class ContractCatalogue {

  /** Contract id of the Micro E-mini Nasdaq-100 in the standard catalogue. */
  public static final String MNQ = "CON.F.US.MNQ.H25";
  /** Contract id of the E-mini Nasdaq-100 (gateway code ENQ, name NQH5). */
  public static final String NQ = "CON.F.US.ENQ.H25";
  /** Contract id of the E-mini S&amp;P 500 (gateway code EP, name ESZ5). */
  public static final String ES = "CON.F.US.EP.Z25";
  /** Contract id of the Micro E-mini S&amp;P 500. */
  public static final String MES = "CON.F.US.MES.H25";
  /** Contract id of the E-mini Russell 2000. */
  public static final String RTY = "CON.F.US.RTY.H25";
  /** Contract id of crude oil (gateway code CLE). */
  public static final String CL = "CON.F.US.CLE.H25";
  /** Contract id of gold (gateway code GCE). */
  public static final String GC = "CON.F.US.GCE.J25";

  private static final int SEARCH_LIMIT = 20;

  private final Map<String, SimContract> byId = new LinkedHashMap<>();

  private ContractCatalogue(List<SimContract> contracts) {
    contracts.forEach(c -> byId.put(c.id(), c));
  }

  /** The seven contracts described above. */
  public static ContractCatalogue standard() {
    return new ContractCatalogue(List.of(
        contract(MNQ, "MNQH5", "Micro E-mini Nasdaq-100: March 2025", "F.US.MNQ", "0.25", "0.50", "0.37", "21000.00"),
        contract(NQ, "NQH5", "E-mini NASDAQ-100: March 2025", "F.US.ENQ", "0.25", "5.00", "1.40", "21000.00"),
        contract(ES, "ESZ5", "E-mini S&P 500: December 2025", "F.US.EP", "0.25", "12.50", "1.40", "5800.00"),
        contract(MES, "MESH5", "Micro E-mini S&P 500: March 2025", "F.US.MES", "0.25", "1.25", "0.37", "5800.00"),
        contract(RTY, "RTYH5", "E-mini Russell 2000: March 2025", "F.US.RTY", "0.1", "5.00", "1.40", "2200.0"),
        contract(CL, "CLH5", "Crude Light: March 2025", "F.US.CLE", "0.01", "10.00", "1.52", "70.00"),
        contract(GC, "GCJ5", "Gold: April 2025", "F.US.GCE", "0.1", "10.00", "1.62", "2650.0")));
  }

  private static SimContract contract(
      String id, String name, String description, String symbolId,
      String tickSize, String tickValue, String fee, String startPrice) {
    return new SimContract(id, name, description, symbolId, new BigDecimal(tickSize),
        new BigDecimal(tickValue), new BigDecimal(fee), new BigDecimal(startPrice));
  }

  public Optional<SimContract> byId(String contractId) {
    return Optional.ofNullable(contractId == null ? null : byId.get(contractId));
  }

  public List<SimContract> all() {
    return List.copyOf(byId.values());
  }

  /**
   * Contracts whose name, id, symbol id or description contains the text (case-insensitive),
   * at most 20 as the gateway answers. Blank text matches everything.
   */
  public List<SimContract> search(String text) {
    String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    List<SimContract> found = new ArrayList<>();
    for (SimContract c : byId.values()) {
      if (found.size() == SEARCH_LIMIT) {
        break;
      }
      if (needle.isEmpty()
          || c.name().toLowerCase(Locale.ROOT).contains(needle)
          || c.id().toLowerCase(Locale.ROOT).contains(needle)
          || c.symbolId().toLowerCase(Locale.ROOT).contains(needle)
          || c.description().toLowerCase(Locale.ROOT).contains(needle)) {
        found.add(c);
      }
    }
    return found;
  }
}
