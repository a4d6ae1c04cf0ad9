package riskguard.connectors.sim;

import java.time.Instant;

/**
 * One REST call the simulator received, as a test or the demo reads it back.
 *
 * @param endpoint the path, e.g. {@code /api/Position/closeContract}
 * @param body the request body as sent, except that an {@code apiKey} is replaced by {@code ***}
 * @param time when it arrived
 * @param status the HTTP status answered
 * @param success the envelope's {@code success}, or false when the answer had no envelope
 */
public record RecordedCall(String endpoint, String body, Instant time, int status, boolean success) {}
