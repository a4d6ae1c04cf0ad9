package riskguard.engine.event;

import java.time.Instant;

/** Time passed with no other event: moves every session's clock so deadlines fall due. */
public record ClockTick(Instant ts) implements InputEvent {}
