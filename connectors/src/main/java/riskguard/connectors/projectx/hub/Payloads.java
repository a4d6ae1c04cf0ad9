package riskguard.connectors.projectx.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reading hub payloads, which come bare or wrapped, one object or an array of them. */
final class Payloads {

    private Payloads() {
    }

    /** {@code {"action": n, "data": {...}}} → the data; anything else as it is. */
    static JsonNode unwrap(JsonNode payload) {
        if (payload.isObject() && payload.has("action") && payload.get("data") != null
                && payload.get("data").isContainerNode()) {
            return payload.get("data");
        }
        return payload;
    }

    /** The payload as a list of {@code type}: each element of an array, or the single object. */
    static <T> List<T> readAll(ObjectMapper json, JsonNode payload, Class<T> type) throws JsonProcessingException {
        JsonNode data = unwrap(payload);
        List<T> values = new ArrayList<>();
        if (data.isArray()) {
            for (JsonNode element : data) {
                values.add(json.treeToValue(unwrap(element), type));
            }
        } else if (data.isObject()) {
            values.add(json.treeToValue(data, type));
        } else {
            throw new IllegalArgumentException("payload is neither an object nor an array: " + data.getNodeType());
        }
        return values;
    }
}
