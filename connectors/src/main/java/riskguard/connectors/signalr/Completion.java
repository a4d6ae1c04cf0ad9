package riskguard.connectors.signalr;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Type 3: the answer to an {@link Invocation} with an id. Carries either a {@code result}, an
 * {@code error}, or neither (a method that returns nothing).
 */
public record Completion(String invocationId, JsonNode result, String error) implements HubMessage {

    public static final int TYPE = 3;

    public Completion {
        if (invocationId == null) {
            throw new IllegalArgumentException("a completion needs an invocationId");
        }
        if (result != null && error != null) {
            throw new IllegalArgumentException("a completion carries a result or an error, not both");
        }
    }

    public static Completion empty(String invocationId) {
        return new Completion(invocationId, null, null);
    }

    public static Completion ofResult(String invocationId, JsonNode result) {
        return new Completion(invocationId, result, null);
    }

    public static Completion ofError(String invocationId, String error) {
        return new Completion(invocationId, null, error);
    }

    public boolean failed() {
        return error != null;
    }

    @Override
    public int type() {
        return TYPE;
    }
}
