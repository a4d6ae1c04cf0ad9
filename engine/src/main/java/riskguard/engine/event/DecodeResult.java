package riskguard.engine.event;

/**
 * What {@link EventDecoder} made of a hub event. Never an exception: a stream keeps going
 * past an event it cannot use, and the caller reports the reason with its own context
 * (recording line, hub name).
 */
public sealed interface DecodeResult {

  /** The event, ready for the engine. */
  record Decoded(InputEvent event) implements DecodeResult {}

  /** A target riskguard does not use (market depth, unknown names): nothing is wrong. */
  record Skipped(String reason) implements DecodeResult {}

  /** A known target whose payload does not fit: a field is missing or of the wrong type. */
  record Rejected(String reason) implements DecodeResult {}
}
