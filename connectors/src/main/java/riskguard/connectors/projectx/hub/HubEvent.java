package riskguard.connectors.projectx.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.util.List;

/**
 * An event exactly as a hub sent it, for recording and for the engine's decoder.
 *
 * @param hub {@link UserHub#HUB} or {@link MarketHub#HUB}
 * @param target e.g. {@code GatewayUserPosition}, {@code GatewayQuote}
 * @param arguments the invocation's arguments, untouched
 * @param receivedAt when the client read it
 */
public record HubEvent(String hub, String target, List<JsonNode> arguments, Instant receivedAt) {

    public HubEvent {
        arguments = List.copyOf(arguments);
    }

    /** The contract a market event is about (its first argument), or null for user events. */
    public String contractId() {
        return MarketHub.HUB.equals(hub) && arguments.size() > 1 && arguments.get(0).isTextual()
                ? arguments.get(0).textValue()
                : null;
    }

    /**
     * The event's payload exactly as sent: the last argument, possibly wrapped as
     * {@code {"action": n, "data": …}} (the engine's decoder and the recording take it so).
     * JSON null when there are no arguments.
     */
    public JsonNode data() {
        return arguments.isEmpty() ? NullNode.getInstance() : arguments.get(arguments.size() - 1);
    }
}
