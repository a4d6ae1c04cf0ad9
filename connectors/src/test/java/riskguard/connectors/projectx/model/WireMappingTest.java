package riskguard.connectors.projectx.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WireMappingTest {

    private final ObjectMapper json = ProjectXJson.newMapper();

    @Test
    void readsAnAccountSearchAnswerIgnoringUnknownFields() throws Exception {
        AccountSearchResponse response = json.readValue("""
                {"accounts":[{"id":536,"name":"50KTC-V2-1","balance":50123.45,"canTrade":true,
                 "isVisible":true,"simulated":false,"somethingNew":[1,2]}],
                 "success":true,"errorCode":0,"errorMessage":null}""", AccountSearchResponse.class);
        assertThat(response.success()).isTrue();
        assertThat(response.accounts()).containsExactly(
                new Account(536, "50KTC-V2-1", 50123.45, true, true, false));
    }

    @Test
    void writesIsVisibleUnderItsWireName() throws Exception {
        JsonNode node = json.valueToTree(new Account(1, "a", 1.0, true, false, true));
        assertThat(node.has("isVisible")).isTrue();
        assertThat(node.get("isVisible").booleanValue()).isFalse();
        assertThat(node.has("visible")).isFalse();
    }

    @Test
    void readsTimestampsWithSevenFractionalDigitsAndKeepsTheOffset() throws Exception {
        Position position = json.readValue("""
                {"id":1,"accountId":536,"contractId":"CON.F.US.ENQ.H25",
                 "creationTimestamp":"2025-01-21T16:13:52.5232931-05:00","type":1,"size":2,
                 "averagePrice":21050.250000000}""", Position.class);
        assertThat(position.creationTimestamp())
                .isEqualTo(OffsetDateTime.of(2025, 1, 21, 16, 13, 52, 523_293_100, ZoneOffset.ofHours(-5)));
        assertThat(position.type()).isEqualTo(PositionType.LONG);
        assertThat(position.averagePrice()).isEqualTo(21050.25);
    }

    @Test
    void readsTimestampsWithZuluOrNoOffset() throws Exception {
        assertThat(json.readValue("\"2025-01-21T16:13:52Z\"", OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.of(2025, 1, 21, 16, 13, 52, 0, ZoneOffset.UTC));
        assertThat(json.readValue("\"2025-01-21T16:13:52.1\"", OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.of(2025, 1, 21, 16, 13, 52, 100_000_000, ZoneOffset.UTC));
    }

    @Test
    void writesTimestampsTheGatewayWay() throws Exception {
        OffsetDateTime time = OffsetDateTime.of(2025, 1, 21, 16, 13, 52, 523_293_000, ZoneOffset.UTC);
        assertThat(json.writeValueAsString(time)).isEqualTo("\"2025-01-21T16:13:52.523293+00:00\"");
    }

    @Test
    void badTimestampNamesTheField() {
        assertThatThrownBy(() -> json.readValue(
                "{\"id\":1,\"accountId\":1,\"creationTimestamp\":\"yesterday\"}", Trade.class))
                .hasMessageContaining("yesterday")
                .hasMessageContaining("creationTimestamp");
    }

    @Test
    void enumsTravelAsNumbers() throws Exception {
        Order order = json.readValue("""
                {"id":9056,"accountId":536,"contractId":"CON.F.US.EP.H25","symbolId":"F.US.EP",
                 "creationTimestamp":"2025-01-21T16:13:52.523293+00:00",
                 "updateTimestamp":"2025-01-21T16:13:53+00:00","status":1,"type":4,"side":1,"size":1,
                 "limitPrice":null,"stopPrice":6050.000000000,"fillVolume":0,"filledPrice":null,
                 "customTag":"rg-1"}""", Order.class);
        assertThat(order.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(order.type()).isEqualTo(OrderType.STOP);
        assertThat(order.side()).isEqualTo(OrderSide.ASK);
        assertThat(order.stopPrice()).isEqualTo(6050.0);
        JsonNode written = json.valueToTree(order);
        assertThat(written.get("status").isInt()).isTrue();
        assertThat(written.get("type").intValue()).isEqualTo(4);
        assertThat(written.get("side").intValue()).isEqualTo(1);
    }

    @Test
    void everyEnumCodeRoundTrips() {
        for (DomType type : DomType.values()) {
            assertThat(DomType.fromCode(type.code())).isSameAs(type);
        }
        assertThat(DomType.NEW_BEST_ASK.code()).isEqualTo(10);
        assertThat(OrderStatus.PENDING.code()).isEqualTo(6);
        assertThat(OrderType.JOIN_ASK.code()).isEqualTo(7);
        assertThat(PositionType.SHORT.code()).isEqualTo(2);
    }

    @Test
    void unknownEnumCodeIsAClearError() {
        assertThatThrownBy(() -> json.readValue("{\"id\":1,\"accountId\":1,\"status\":42}", Order.class))
                .hasMessageContaining("unknown OrderStatus code 42");
    }

    @Test
    void placeRequestLeavesOutAbsentOptionalFields() throws Exception {
        PlaceOrderRequest request = PlaceOrderRequest.stop(536, "CON.F.US.EP.H25", OrderSide.ASK, 1, 6050.25)
                .withCustomTag("rg-abc");
        assertThat(json.writeValueAsString(request)).isEqualTo(
                "{\"accountId\":536,\"contractId\":\"CON.F.US.EP.H25\",\"type\":4,\"side\":1,\"size\":1,"
                        + "\"stopPrice\":6050.25,\"customTag\":\"rg-abc\"}");
    }

    @Test
    void envelopeKeepsErrorMessageNullOnTheWire() throws Exception {
        assertThat(json.writeValueAsString(StatusResponse.ok()))
                .isEqualTo("{\"success\":true,\"errorCode\":0,\"errorMessage\":null}");
    }

    @Test
    void partialQuoteMergesOntoTheLastFullOne() throws Exception {
        Quote full = json.readValue("""
                {"symbol":"F.US.EP","symbolName":"/ES","lastPrice":6065.25,"bestBid":6065.0,
                 "bestAsk":6065.25,"change":12.5,"changePercent":0.2,"open":6052.75,"high":6070.0,
                 "low":6050.0,"volume":120345,"lastUpdated":"2025-01-21T16:13:52.523293+00:00",
                 "timestamp":"2025-01-21T16:13:52.523293+00:00"}""", Quote.class);
        Quote update = json.readValue("{\"lastPrice\":6065.5,\"volume\":120350}", Quote.class);
        Quote merged = update.mergedOnto(full);
        assertThat(merged.lastPrice()).isEqualTo(6065.5);
        assertThat(merged.volume()).isEqualTo(120350L);
        assertThat(merged.bestBid()).isEqualTo(6065.0);
        assertThat(merged.symbol()).isEqualTo("F.US.EP");
        assertThat(update.mergedOnto(null)).isSameAs(update);
    }

    @Test
    void secretsNeverShowInToString() {
        assertThat(new LoginKeyRequest("trader", "key-SECRET-1")).asString().doesNotContain("SECRET");
        assertThat(new LoginResponse("jwt-SECRET-2", true, 0, null)).asString().doesNotContain("SECRET");
        assertThat(new ValidateResponse("jwt-SECRET-3", true, 0, null)).asString().doesNotContain("SECRET");
    }

    @Test
    void readsATradeWithANullProfitOnAHalfTurn() throws Exception {
        Trade trade = json.readValue("""
                {"id":8604,"accountId":536,"contractId":"CON.F.US.EP.H25",
                 "creationTimestamp":"2025-01-21T16:13:52.523293+00:00","price":6065.250000000,
                 "profitAndLoss":null,"fees":1.4,"side":0,"size":1,"voided":false,"orderId":9056}""", Trade.class);
        assertThat(trade.profitAndLoss()).isNull();
        assertThat(trade.side()).isEqualTo(OrderSide.BID);
        assertThat(trade.orderId()).isEqualTo(9056L);
    }
}
