package riskguard.connectors.signalr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import riskguard.connectors.signalr.HubProtocolException.Kind;

/**
 * Encodes and decodes single records of the SignalR JSON hub protocol. Encoded text ends with the
 * record separator; decoding takes one record without it (as {@link RecordBuffer} yields them).
 * Unknown fields (e.g. {@code headers}) are ignored. Thread-safe.
 */
public final class HubProtocol {

    /** The byte 0x1E that terminates every record. */
    public static final char RECORD_SEPARATOR = '\u001e';

    private static final ObjectMapper JSON = new ObjectMapper();

    private HubProtocol() {
    }

    public static String encode(HubMessage message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", message.type());
        if (message instanceof Invocation invocation) {
            if (invocation.invocationId() != null) {
                node.put("invocationId", invocation.invocationId());
            }
            node.put("target", invocation.target());
            ArrayNode arguments = node.putArray("arguments");
            invocation.arguments().forEach(arguments::add);
        } else if (message instanceof Completion completion) {
            node.put("invocationId", completion.invocationId());
            if (completion.error() != null) {
                node.put("error", completion.error());
            } else if (completion.result() != null) {
                node.set("result", completion.result());
            }
        } else if (message instanceof Close close) {
            if (close.error() != null) {
                node.put("error", close.error());
            }
            node.put("allowReconnect", close.allowReconnect());
        }
        return write(node);
    }

    public static HubMessage decode(String record) throws HubProtocolException {
        ObjectNode node = parseObject(record);
        JsonNode type = node.get("type");
        if (type == null) {
            throw new HubProtocolException(Kind.MISSING_FIELD, "no 'type'", record);
        }
        if (!type.isInt()) {
            throw new HubProtocolException(Kind.WRONG_FIELD_TYPE, "'type' is not an integer", record);
        }
        return switch (type.intValue()) {
            case Invocation.TYPE -> new Invocation(
                    optionalText(node, "invocationId", record),
                    requiredText(node, "target", record),
                    arguments(node, record));
            case Completion.TYPE -> completion(node, record);
            case Ping.TYPE -> new Ping();
            case Close.TYPE -> new Close(optionalText(node, "error", record), optionalBoolean(node, "allowReconnect", record));
            default -> throw new HubProtocolException(Kind.UNSUPPORTED_TYPE,
                    "message type " + type.intValue() + " is not used by ProjectX", record);
        };
    }

    public static String encodeHandshakeRequest(HandshakeRequest request) {
        ObjectNode node = JSON.createObjectNode();
        node.put("protocol", request.protocol());
        node.put("version", request.version());
        return write(node);
    }

    public static HandshakeRequest decodeHandshakeRequest(String record) throws HubProtocolException {
        ObjectNode node = parseObject(record);
        JsonNode version = node.get("version");
        if (version == null) {
            throw new HubProtocolException(Kind.MISSING_FIELD, "no 'version'", record);
        }
        if (!version.isInt()) {
            throw new HubProtocolException(Kind.WRONG_FIELD_TYPE, "'version' is not an integer", record);
        }
        return new HandshakeRequest(requiredText(node, "protocol", record), version.intValue());
    }

    public static String encodeHandshakeResponse(HandshakeResponse response) {
        ObjectNode node = JSON.createObjectNode();
        if (response.error() != null) {
            node.put("error", response.error());
        }
        return write(node);
    }

    /**
     * Reads the server's handshake answer. A hub message in its place (it has a {@code type}) is a
     * {@link Kind#MESSAGE_BEFORE_HANDSHAKE}: the answer may still follow.
     */
    public static HandshakeResponse decodeHandshakeResponse(String record) throws HubProtocolException {
        ObjectNode node = parseObject(record);
        if (node.has("type")) {
            throw new HubProtocolException(Kind.MESSAGE_BEFORE_HANDSHAKE, "a hub message, not the handshake answer",
                    record);
        }
        return new HandshakeResponse(optionalText(node, "error", record));
    }

    private static Completion completion(ObjectNode node, String record) throws HubProtocolException {
        String invocationId = requiredText(node, "invocationId", record);
        String error = optionalText(node, "error", record);
        if (error != null) {
            return Completion.ofError(invocationId, error);
        }
        return new Completion(invocationId, node.get("result"), null);
    }

    private static List<JsonNode> arguments(ObjectNode node, String record) throws HubProtocolException {
        JsonNode arguments = node.get("arguments");
        if (arguments == null || arguments.isNull()) {
            return List.of();
        }
        if (!arguments.isArray()) {
            throw new HubProtocolException(Kind.WRONG_FIELD_TYPE, "'arguments' is not an array", record);
        }
        List<JsonNode> list = new ArrayList<>(arguments.size());
        arguments.forEach(list::add);
        return list;
    }

    private static ObjectNode parseObject(String record) throws HubProtocolException {
        JsonNode node;
        try {
            node = JSON.readTree(record);
        } catch (JsonProcessingException e) {
            throw new HubProtocolException(Kind.NOT_JSON, e.getOriginalMessage(), record);
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new HubProtocolException(Kind.NOT_AN_OBJECT, "not a JSON object", record);
    }

    private static String requiredText(ObjectNode node, String field, String record) throws HubProtocolException {
        String text = optionalText(node, field, record);
        if (text == null) {
            throw new HubProtocolException(Kind.MISSING_FIELD, "no '" + field + "'", record);
        }
        return text;
    }

    private static String optionalText(ObjectNode node, String field, String record) throws HubProtocolException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new HubProtocolException(Kind.WRONG_FIELD_TYPE, "'" + field + "' is not a string", record);
        }
        return value.textValue();
    }

    private static boolean optionalBoolean(ObjectNode node, String field, String record) throws HubProtocolException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new HubProtocolException(Kind.WRONG_FIELD_TYPE, "'" + field + "' is not a boolean", record);
        }
        return value.booleanValue();
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node) + RECORD_SEPARATOR;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
