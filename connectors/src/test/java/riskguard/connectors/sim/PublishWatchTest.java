package riskguard.connectors.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What a benchmark times the live path by: when events are published and when calls arrive. */
class PublishWatchTest {

  private static final String MNQ = ContractCatalogue.MNQ;
  private static final String CLOSE = "/api/Position/closeContract";

  /** A hub event the watch was told of, and when. */
  private record Published(String target, Instant at) {}

  @Test
  void theWatchSeesAFillsEventsInTheOrderPublishedAndACallIsRecordedWhenItArrives() throws Exception {
    List<Published> published = new CopyOnWriteArrayList<>();
    try (GatewaySimulator sim = GatewaySimulator.builder().quoteInterval(Duration.ZERO)
            .publishWatch(target -> published.add(new Published(target, Instant.now()))).start();
        HttpCalls http = new HttpCalls(sim.restUrl())) {
      sim.trader(536).buyMarket(MNQ, 2);
      assertThat(published).extracting(Published::target).containsSubsequence(
          "GatewayUserOrder", "GatewayUserTrade", "GatewayUserPosition", "GatewayUserAccount");

      String token = http.login(GatewaySimulator.DEMO_USER, GatewaySimulator.DEMO_API_KEY);
      published.clear();
      assertThat(http.post(CLOSE, "{\"accountId\":536,\"contractId\":\"" + MNQ + "\"}", token).status())
          .isEqualTo(200);

      assertThat(sim.trader(536).position(MNQ)).isEmpty();
      Instant flatPublished = published.stream().filter(event -> event.target().equals("GatewayUserPosition"))
          .findFirst().orElseThrow().at();
      // the call is stamped on arrival, before the venue acted on it and published the flat position
      assertThat(sim.calls(CLOSE)).singleElement()
          .satisfies(call -> assertThat(call.time()).isBeforeOrEqualTo(flatPublished));
    }
  }
}
