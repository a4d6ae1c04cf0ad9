package riskguard.connectors.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import riskguard.connectors.projectx.model.Account;
import riskguard.connectors.projectx.model.ProjectXJson;
import riskguard.connectors.projectx.model.Quote;
import riskguard.connectors.signalr.HubProtocol;
import riskguard.connectors.signalr.Invocation;

/** Events are written straight from their payloads, exactly as the protocol encodes their JSON trees. */
class HubBroadcasterTest {

  private final JsonMapper json = ProjectXJson.newMapper();
  private final HubBroadcaster broadcaster = new HubBroadcaster(json, RecordingTap.none(), PublishWatch.NONE);

  @Test
  void userEventsAreTheRecordsTheProtocolMakesOfTheirTrees() throws Exception {
    try (GatewaySimulator sim = GatewaySimulator.builder()
        .account(SimAccount.of(536, "50KTC-TEST", 50_000))
        .quoteInterval(Duration.ZERO)
        .build()) {
      SimTrader trader = sim.trader(536);
      sim.market().setQuote(ContractCatalogue.MNQ, 21000.00, 21000.25, 21000.00);
      long orderId = trader.buyMarket(ContractCatalogue.MNQ, 2);

      assertSameRecord("GatewayUserOrder", trader.order(orderId).orElseThrow());
      assertSameRecord("GatewayUserPosition", trader.position(ContractCatalogue.MNQ).orElseThrow());
      assertSameRecord("GatewayUserTrade", trader.trades().get(0));
      assertSameRecord("GatewayUserAccount", new Account(536, "50KTC-TEST", 49_998.76, true, true, false));
    }
  }

  @Test
  void aMarketEventCarriesTheContractFirstAndNullFieldsAsNull() {
    Quote quote = new Quote("F.US.MNQ", "MNQ", 21000.25, 21000.00, null, null, null, null, null, null, null,
        OffsetDateTime.of(2026, 11, 26, 14, 30, 0, 123_456_000, ZoneOffset.UTC), null);

    assertThat(broadcaster.eventRecord("GatewayQuote", ContractCatalogue.MNQ, quote)).isEqualTo(HubProtocol.encode(
        Invocation.event("GatewayQuote", json.getNodeFactory().textNode(ContractCatalogue.MNQ), json.valueToTree(quote))));
  }

  private void assertSameRecord(String target, Object payload) {
    assertThat(broadcaster.eventRecord(target, payload))
        .isEqualTo(HubProtocol.encode(Invocation.event(target, json.valueToTree(payload))));
  }
}
