package riskguard.connectors.signalr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Type 1: call {@code target} with {@code arguments}. With an {@code invocationId} the caller
 * expects a {@link Completion}; without one (null) nothing is answered — server events are sent so.
 */
public record Invocation(String invocationId, String target, List<JsonNode> arguments) implements HubMessage {

    public static final int TYPE = 1;

    public Invocation {
        if (target == null || target.isEmpty()) {
            throw new IllegalArgumentException("an invocation needs a target");
        }
        List<JsonNode> copy = new ArrayList<>(arguments == null ? List.of() : arguments);
        copy.replaceAll(argument -> argument == null ? NullNode.getInstance() : argument);
        arguments = Collections.unmodifiableList(copy);
    }

    /** An invocation that wants no answer (how the server pushes events). */
    public static Invocation event(String target, JsonNode... arguments) {
        return new Invocation(null, target, List.of(arguments));
    }

    /** An invocation answered by a {@link Completion} with the same id. */
    public static Invocation call(String invocationId, String target, JsonNode... arguments) {
        return new Invocation(invocationId, target, List.of(arguments));
    }

    public boolean expectsCompletion() {
        return invocationId != null;
    }

    @Override
    public int type() {
        return TYPE;
    }
}
