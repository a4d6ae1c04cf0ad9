package riskguard.engine.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import riskguard.config.CountType;

/**
 * Counting contracts across positions (RULE-001) and choosing what to close to get back to
 * a limit. Shared by the rules through static calls, so the arithmetic is written (and
 * tested) once.
 */
public final class Exposure {

  /** Contracts to close in one position; {@code closesPosition} when that is all of it. */
  public record Reduction(String contractId, int contracts, boolean closesPosition) {}

  private Exposure() {}

  /**
   * {@code GROSS}: Σ size. {@code NET}: per symbol root, longs minus shorts across the root's
   * contracts, then Σ |net| over roots (long 5 and short 3 in one root count 2).
   */
  public static int contracts(Collection<Position> positions, CountType countType) {
    if (countType == CountType.GROSS) {
      int gross = 0;
      for (Position position : positions) {
        gross += position.getSize();
      }
      return gross;
    }
    int net = 0;
    for (int rootNet : netByRoot(positions).values()) {
      net += Math.abs(rootNet);
    }
    return net;
  }

  /**
   * The closes that bring the count to {@code limit}: the largest position first (ties by
   * contract id), closing only what is needed, so the last one may be a partial close. In
   * {@code NET} counting only positions on the side of their root's net count reduce it,
   * and never by more than that net.
   */
  public static List<Reduction> reductionsToLimit(Collection<Position> positions, CountType countType, int limit) {
    int excess = contracts(positions, countType) - limit;
    List<Reduction> reductions = new ArrayList<>();
    if (excess <= 0) {
      return reductions;
    }
    Map<String, Integer> rootNet = countType == CountType.NET ? netByRoot(positions) : Map.of();
    List<Position> largestFirst = new ArrayList<>(positions);
    largestFirst.sort(Comparator.comparingInt(Position::getSize).reversed().thenComparing(Position::getContractId));
    for (Position position : largestFirst) {
      if (excess == 0) {
        break;
      }
      int reducible = position.getSize();
      if (countType == CountType.NET) {
        int net = rootNet.get(position.getRoot());
        if (Integer.signum(net) != position.getType().sign()) {
          continue;
        }
        reducible = Math.min(reducible, Math.abs(net));
        rootNet.put(position.getRoot(), net - Math.min(reducible, excess) * position.getType().sign());
      }
      int close = Math.min(reducible, excess);
      if (close > 0) {
        reductions.add(new Reduction(position.getContractId(), close, close == position.getSize()));
        excess -= close;
      }
    }
    return reductions;
  }

  private static Map<String, Integer> netByRoot(Collection<Position> positions) {
    Map<String, Integer> net = new HashMap<>();
    for (Position position : positions) {
      net.merge(position.getRoot(), position.getSignedSize(), Integer::sum);
    }
    return net;
  }
}
