package riskguard.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import riskguard.engine.model.OrderStatus;
import riskguard.engine.model.OrderType;
import riskguard.engine.model.PositionType;

class EventDecoderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant RECEIVED = Instant.parse("2025-03-10T14:30:00.125Z");
  private final EventDecoder decoder = new EventDecoder();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  private InputEvent decoded(String hub, String target, String contractId, String data) throws Exception {
    DecodeResult result = decoder.decode(hub, target, contractId, json(data), RECEIVED);
    assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
    return ((DecodeResult.Decoded) result).event();
  }

  @Test
  void aPositionAsTheHubSendsIt() throws Exception {
    InputEvent event = decoded("user", "GatewayUserPosition", null,
        "{\"id\": 1, \"accountId\": 12345, \"contractId\": \"CON.F.US.MNQ.H25\", "
            + "\"creationTimestamp\": \"2025-03-10T14:30:00Z\", \"type\": 2, \"size\": 2, \"averagePrice\": 21000.0}");

    assertThat(event).isEqualTo(new PositionEvent(RECEIVED, 12345, 1, "CON.F.US.MNQ.H25",
        Instant.parse("2025-03-10T14:30:00Z"), PositionType.SHORT, 2, 21000.0));
  }

  @Test
  void aWrappedPayloadIsUnwrapped() throws Exception {
    InputEvent event = decoded("user", "GatewayUserOrder", null,
        "{\"action\": 1, \"data\": {\"id\": 5, \"accountId\": 12345, \"contractId\": \"CON.F.US.MNQ.H25\", "
            + "\"status\": 1, \"type\": 4, \"side\": 1, \"size\": 2, \"stopPrice\": \"20900.000000000\", "
            + "\"creationTimestamp\": \"2025-01-21T16:13:52.5232934+00:00\"}}");

    OrderEvent order = (OrderEvent) event;
    assertThat(order.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(order.type()).isEqualTo(OrderType.STOP);
    assertThat(order.stopPrice()).isEqualTo(20900.0);
    assertThat(order.createdAt()).isEqualTo(Instant.parse("2025-01-21T16:13:52.5232934Z"));
  }

  @Test
  void aHalfTurnTradeHasNoPnl() throws Exception {
    TradeEvent trade = (TradeEvent) decoded("user", "GatewayUserTrade", null,
        "{\"id\": 77, \"accountId\": 12345, \"contractId\": \"CON.F.US.MNQ.H25\", \"creationTimestamp\": "
            + "\"2025-03-10T14:30:02Z\", \"price\": 20950.0, \"profitAndLoss\": null, \"fees\": 0.74, "
            + "\"side\": 1, \"size\": 1, \"voided\": false, \"orderId\": 5}");

    assertThat(trade.pnl()).isNull();
    assertThat(trade.fees()).isEqualTo(0.74);
    assertThat(trade.time()).isEqualTo(Instant.parse("2025-03-10T14:30:02Z"));
  }

  @Test
  void aPartialQuoteKeepsTheContractFromTheHubArgument() throws Exception {
    QuoteEvent quote = (QuoteEvent) decoded("market", "GatewayQuote", "CON.F.US.EP.Z25",
        "{\"symbol\": \"F.US.EP\", \"bestBid\": 5800.25}");

    assertThat(quote.contractId()).isEqualTo("CON.F.US.EP.Z25");
    assertThat(quote.bestBid()).isEqualTo(5800.25);
    assertThat(quote.lastPrice()).isNull();
  }

  @Test
  void anAccountWithoutCanTradeSaysSo() throws Exception {
    AccountEvent account = (AccountEvent) decoded("user", "GatewayUserAccount", null,
        "{\"id\": 12345, \"name\": \"50K-COMBINE\", \"balance\": 49900.0}");

    assertThat(account.canTrade()).isNull();
  }

  @Test
  void unknownTargetsAreSkippedAndBrokenPayloadsRejectedWithTheReason() throws Exception {
    assertThat(decoder.decode("market", "GatewayDepth", "X", json("{}"), RECEIVED))
        .isInstanceOf(DecodeResult.Skipped.class);
    assertThat(decoder.decode("user", "GatewayUserTrade", null, json("{\"id\": 1}"), RECEIVED))
        .isEqualTo(new DecodeResult.Rejected("GatewayUserTrade: missing field 'accountId'"));
    assertThat(decoder.decode("user", "GatewayUserPosition", null,
        json("{\"id\": 1, \"accountId\": 1, \"contractId\": \"C\", \"type\": 9, \"size\": 1, \"averagePrice\": 1}"),
        RECEIVED))
        .isEqualTo(new DecodeResult.Rejected("GatewayUserPosition: field 'type': unknown position type 9"));
    assertThat(decoder.decode("market", "GatewayQuote", null, json("{\"lastPrice\": 1}"), RECEIVED))
        .isInstanceOf(DecodeResult.Rejected.class);
  }

  @Test
  void contractMetadataResolvesTheRootFromItsName() throws Exception {
    DecodeResult result = decoder.decodeContract(json("{\"id\": \"CON.F.US.EP.Z25\", \"name\": \"ESZ5\", "
        + "\"tickSize\": 0.25, \"tickValue\": 12.5, \"symbolId\": \"F.US.EP\"}"), RECEIVED);

    ContractEvent contract = (ContractEvent) ((DecodeResult.Decoded) result).event();
    assertThat(contract.contract().root()).isEqualTo("ES");
    assertThat(contract.contract().pointValue()).isEqualTo(50.0);
  }
}
