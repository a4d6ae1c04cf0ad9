package riskguard.connectors.signalr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import riskguard.connectors.signalr.HubProtocolException.Kind;

class HubProtocolTest {

    private static final String RS = "\u001e";

    @Test
    void encodesTheHandshakeExactly() throws Exception {
        assertThat(HubProtocol.encodeHandshakeRequest(HandshakeRequest.JSON_V1))
                .isEqualTo("{\"protocol\":\"json\",\"version\":1}" + RS);
        assertThat(HubProtocol.encodeHandshakeResponse(HandshakeResponse.ACCEPTED)).isEqualTo("{}" + RS);
        assertThat(HubProtocol.encodeHandshakeResponse(new HandshakeResponse("bad protocol")))
                .isEqualTo("{\"error\":\"bad protocol\"}" + RS);
    }

    @Test
    void decodesHandshakes() throws Exception {
        assertThat(HubProtocol.decodeHandshakeRequest("{\"protocol\":\"json\",\"version\":1}").isJsonV1()).isTrue();
        assertThat(HubProtocol.decodeHandshakeRequest("{\"protocol\":\"messagepack\",\"version\":1}").isJsonV1())
                .isFalse();
        assertThat(HubProtocol.decodeHandshakeResponse("{}").accepted()).isTrue();
        assertThat(HubProtocol.decodeHandshakeResponse("{\"error\":\"nope\"}").error()).isEqualTo("nope");
        assertThatThrownBy(() -> HubProtocol.decodeHandshakeResponse("{\"type\":6}"))
                .isInstanceOfSatisfying(HubProtocolException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.MESSAGE_BEFORE_HANDSHAKE));
    }

    @Test
    void encodesInvocationsWithAndWithoutId() {
        assertThat(HubProtocol.encode(Invocation.call("0", "SubscribeOrders", IntNode.valueOf(123))))
                .isEqualTo("{\"type\":1,\"invocationId\":\"0\",\"target\":\"SubscribeOrders\",\"arguments\":[123]}" + RS);
        assertThat(HubProtocol.encode(Invocation.event("SubscribeAccounts")))
                .isEqualTo("{\"type\":1,\"target\":\"SubscribeAccounts\",\"arguments\":[]}" + RS);
    }

    @Test
    void decodesAServerEvent() throws Exception {
        HubMessage message = HubProtocol.decode(
                "{\"type\":1,\"target\":\"GatewayQuote\",\"arguments\":[\"CON.F.US.EP.H25\",{\"lastPrice\":6065.25}]}");
        assertThat(message).isInstanceOfSatisfying(Invocation.class, invocation -> {
            assertThat(invocation.expectsCompletion()).isFalse();
            assertThat(invocation.target()).isEqualTo("GatewayQuote");
            assertThat(invocation.arguments()).hasSize(2);
            assertThat(invocation.arguments().get(0).textValue()).isEqualTo("CON.F.US.EP.H25");
            assertThat(invocation.arguments().get(1).get("lastPrice").doubleValue()).isEqualTo(6065.25);
        });
    }

    @Test
    void completionsRoundTripWithResultErrorOrNothing() throws Exception {
        Completion withResult = Completion.ofResult("7", TextNode.valueOf("ok"));
        Completion withError = Completion.ofError("8", "Subscription failed");
        Completion empty = Completion.empty("9");
        assertThat(HubProtocol.encode(withResult)).isEqualTo("{\"type\":3,\"invocationId\":\"7\",\"result\":\"ok\"}" + RS);
        assertThat(HubProtocol.encode(empty)).isEqualTo("{\"type\":3,\"invocationId\":\"9\"}" + RS);
        for (Completion completion : new Completion[] {withResult, withError, empty}) {
            String encoded = HubProtocol.encode(completion);
            assertThat(HubProtocol.decode(encoded.substring(0, encoded.length() - 1))).isEqualTo(completion);
        }
        assertThat(((Completion) HubProtocol.decode("{\"type\":3,\"invocationId\":\"8\",\"error\":\"x\"}")).failed())
                .isTrue();
    }

    @Test
    void pingAndCloseRoundTrip() throws Exception {
        assertThat(HubProtocol.encode(new Ping())).isEqualTo("{\"type\":6}" + RS);
        assertThat(HubProtocol.decode("{\"type\":6}")).isInstanceOf(Ping.class);
        assertThat(HubProtocol.encode(new Close("Server is shutting down", true)))
                .isEqualTo("{\"type\":7,\"error\":\"Server is shutting down\",\"allowReconnect\":true}" + RS);
        assertThat(HubProtocol.decode("{\"type\":7,\"error\":\"bye\",\"allowReconnect\":true}"))
                .isEqualTo(new Close("bye", true));
        assertThat(HubProtocol.decode("{\"type\":7}")).isEqualTo(new Close(null, false));
    }

    @Test
    void ignoresUnknownFields() throws Exception {
        assertThat(HubProtocol.decode("{\"type\":1,\"headers\":{\"a\":\"b\"},\"target\":\"X\",\"arguments\":[],\"streamIds\":[]}"))
                .isEqualTo(Invocation.event("X"));
    }

    @Test
    void argumentsKeepJsonNull() {
        Invocation invocation = Invocation.event("X", JsonNodeFactory.instance.nullNode());
        assertThat(HubProtocol.encode(invocation)).isEqualTo("{\"type\":1,\"target\":\"X\",\"arguments\":[null]}" + RS);
    }

    @Test
    void malformedRecordsAreTypedErrors() {
        assertKind("{\"type\":1,\"target\":\"GatewayQuote\",\"argu", Kind.NOT_JSON);
        assertKind("not json at all", Kind.NOT_JSON);
        assertKind("[1,2]", Kind.NOT_AN_OBJECT);
        assertKind("{\"target\":\"X\"}", Kind.MISSING_FIELD);
        assertKind("{\"type\":\"1\"}", Kind.WRONG_FIELD_TYPE);
        assertKind("{\"type\":1,\"arguments\":[]}", Kind.MISSING_FIELD);
        assertKind("{\"type\":1,\"target\":\"X\",\"arguments\":{}}", Kind.WRONG_FIELD_TYPE);
        assertKind("{\"type\":3}", Kind.MISSING_FIELD);
        assertKind("{\"type\":7,\"allowReconnect\":\"yes\"}", Kind.WRONG_FIELD_TYPE);
        assertKind("{\"type\":2,\"invocationId\":\"1\",\"item\":1}", Kind.UNSUPPORTED_TYPE);
        assertKind("{\"type\":99}", Kind.UNSUPPORTED_TYPE);
    }

    @Test
    void errorMessageQuotesAShortExcerptOfTheRecord() {
        String longRecord = "{\"type\":99,\"pad\":\"" + "x".repeat(500) + "\"}";
        assertThatThrownBy(() -> HubProtocol.decode(longRecord))
                .hasMessageContaining("UNSUPPORTED_TYPE")
                .hasMessageContaining("(" + longRecord.length() + " chars)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    private static void assertKind(String record, Kind kind) {
        assertThatThrownBy(() -> HubProtocol.decode(record))
                .isInstanceOfSatisfying(HubProtocolException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }
}
