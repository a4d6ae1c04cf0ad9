package riskguard.app.status;

import java.time.Instant;

/** A decision as far as it got: its latest audit phase and that phase's detail. */
record DecisionStep(Instant at, String rule, String action, String target, String phase, String detail) {}
