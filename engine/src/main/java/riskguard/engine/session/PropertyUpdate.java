package riskguard.engine.session;

import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.InternalWorkingMemoryEntryPoint;
import org.drools.core.common.ReteEvaluator;
import org.drools.kiesession.entrypoints.NamedEntryPoint;
import org.drools.util.bitmask.BitMask;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A property-reactive update of one fact class with a fixed set of changed properties.
 * {@code KieSession.update(handle, fact, "mark", …)} turns the property names into a bit
 * mask on every call, which on the quote path costs more than the update itself; this
 * computes the mask once (from the first fact updated) and hands it to Drools' entry point
 * directly — an internal Drools API, kept to this one class.
 */
final class PropertyUpdate {

  private final KieSession session;
  private final InternalWorkingMemoryEntryPoint entryPoint;
  private final String[] properties;
  private BitMask mask;

  PropertyUpdate(KieSession session, String... properties) {
    this.session = session;
    this.entryPoint = (InternalWorkingMemoryEntryPoint) session.getEntryPoint("DEFAULT");
    this.properties = properties.clone();
  }

  void apply(FactHandle handle, Object fact) {
    if (mask == null) {
      mask = NamedEntryPoint.calculateUpdateBitMask(((ReteEvaluator) session).getKnowledgeBase(), fact, properties);
    }
    entryPoint.update((InternalFactHandle) handle, fact, mask, fact.getClass(), null);
  }
}
