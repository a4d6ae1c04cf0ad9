package riskguard.engine.session;

import java.time.Instant;
import riskguard.engine.event.PositionEvent;
import riskguard.engine.model.PositionType;

/** The one-rule packages the rule-swap tests write and change: "close a position larger than N". */
final class SizeRules {

  static final String CONTRACT = "CON.F.US.MNQ.H25";

  private SizeRules() {}

  /** A .drl in package {@code pkg} whose rule {@code rule} closes a position of more than {@code limit}. */
  static String sizeRule(String pkg, String rule, int limit) {
    return """
        package %s;
        import riskguard.engine.model.Position;
        global riskguard.engine.session.DecisionChannel decisions;

        rule "%s: more than %d contracts"
        when
            Position( size > %d, $c : contractId )
        then
            decisions.closePosition("%s", $c, "size");
        end
        """.formatted(pkg, rule, limit, limit, rule);
  }

  /** A long position of {@code size} in {@link #CONTRACT} for {@code account} at {@code at}. */
  static PositionEvent position(String at, long account, int size) {
    Instant ts = Instant.parse(at);
    return new PositionEvent(ts, account, 1, CONTRACT, ts, PositionType.LONG, size, 21000.0);
  }
}
