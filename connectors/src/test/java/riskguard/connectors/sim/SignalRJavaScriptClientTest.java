package riskguard.connectors.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Evidence that the hubs speak real SignalR: Microsoft's own JavaScript client
 * ({@code @microsoft/signalr}, installed by {@code npm ci} in the Maven build) connects the way
 * ProjectX's documentation shows, subscribes on both hubs and receives the events of a trade.
 */
class SignalRJavaScriptClientTest {

  private static final Path SCRIPT = Path.of("src/test/js/hub-client.mjs");
  private static final Path CLIENT_PACKAGE = Path.of("src/test/js/node_modules/@microsoft/signalr");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ES = ContractCatalogue.ES;

  @Test
  void officialClientReceivesOrderTradePositionAndQuoteEvents() throws Exception {
    assertThat(CLIENT_PACKAGE).as("@microsoft/signalr is installed by npm ci during the Maven build").isDirectory();
    try (GatewaySimulator sim = GatewaySimulator.builder().quoteInterval(Duration.ZERO).start();
        HttpCalls http = new HttpCalls(sim.restUrl())) {
      sim.market().setQuote(ES, 5800.00, 5800.25, 5800.00);
      String token = http.login(GatewaySimulator.DEMO_USER, GatewaySimulator.DEMO_API_KEY);

      Process node = new ProcessBuilder("node", SCRIPT.toString(), sim.restUrl(), token, "536", ES, "60000")
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      List<JsonNode> lines = new CopyOnWriteArrayList<>();
      Thread reader = new Thread(() -> readLines(node, lines), "node-stdout");
      reader.start();
      try {
        waitFor(lines, "ready", node);
        assertThat(http.post("/sim/order", "{\"accountId\":536,\"contractId\":\"" + ES
            + "\",\"type\":2,\"side\":0,\"size\":1}", null).status()).isEqualTo(200);
        assertThat(http.post("/sim/market/price", "{\"contractId\":\"" + ES + "\",\"price\":5802.50}", null)
            .status()).isEqualTo(200);

        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
        reader.join(10_000);
        assertThat(node.exitValue()).as("node exit code; output: %s", lines).isZero();
      } finally {
        node.destroyForcibly();
      }

      JsonNode position = event(lines, "GatewayUserPosition");
      assertThat(position.path("data").path("contractId").asText()).isEqualTo(ES);
      assertThat(position.path("data").path("size").asInt()).isEqualTo(1);
      assertThat(position.path("data").path("averagePrice").asDouble()).isEqualTo(5800.25);
      JsonNode trade = event(lines, "GatewayUserTrade");
      assertThat(trade.path("data").path("price").asDouble()).isEqualTo(5800.25);
      assertThat(trade.path("data").path("profitAndLoss").isNull()).isTrue();
      JsonNode order = event(lines, "GatewayUserOrder");
      assertThat(order.path("data").path("symbolId").asText()).isEqualTo("F.US.EP");
      JsonNode quote = event(lines, "GatewayQuote");
      assertThat(quote.path("contractId").asText()).isEqualTo(ES);
      assertThat(quote.path("data").path("symbol").asText()).isEqualTo("F.US.EP");
      assertThat(event(lines, "unknown-method").path("error").asText()).contains("Unknown hub method 'NoSuchMethod'");
      assertThat(sim.calls()).extracting(RecordedCall::endpoint).containsExactly("/api/Auth/loginKey");
    }
  }

  private static void readLines(Process node, List<JsonNode> lines) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(JSON.readTree(line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits (bounded) for the script to print an event; fails early if node exits first. */
  private static void waitFor(List<JsonNode> lines, String name, Process node) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lines.stream().noneMatch(l -> name.equals(l.path("event").asText()))) {
      if (!node.isAlive()) {
        throw new AssertionError("node exited with " + node.exitValue() + " before '" + name + "': " + lines);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + name + "' from node within 60 s: " + lines);
      }
      Thread.sleep(50);
    }
  }

  private static JsonNode event(List<JsonNode> lines, String name) {
    return lines.stream().filter(l -> name.equals(l.path("event").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("node never printed " + name + ": " + lines));
  }

  static {
    if (!Files.exists(SCRIPT)) {
      throw new IllegalStateException(SCRIPT.toAbsolutePath() + " is missing; run the tests from the connectors module");
    }
  }
}
