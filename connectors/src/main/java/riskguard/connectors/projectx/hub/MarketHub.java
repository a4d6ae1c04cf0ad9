package riskguard.connectors.projectx.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import riskguard.connectors.projectx.model.DepthEntry;
import riskguard.connectors.projectx.model.MarketTrade;
import riskguard.connectors.projectx.model.ProjectXJson;
import riskguard.connectors.projectx.model.Quote;
import riskguard.connectors.signalr.Invocation;

/**
 * The ProjectX market hub: quotes, trades and depth per contract. Quote updates may be partial;
 * the typed quote is each update merged onto the contract's last quote.
 */
public final class MarketHub implements AutoCloseable {

    /** The hub's name in {@link HubEvent#hub()} and in recordings. */
    public static final String HUB = "market";

    private final HubConnection connection;
    private final MarketHubListener listener;
    private final ObjectMapper json = ProjectXJson.newMapper();
    private final Map<String, Quote> lastQuotes = new ConcurrentHashMap<>();

    /**
     * @param connection URL, token and timings; the name and listener are set here
     */
    public MarketHub(HubConnection.Builder connection, MarketHubListener listener) {
        this.listener = listener;
        this.connection = connection.name("market hub").listener(new Decoder()).build();
    }

    /** Starts connecting; completes at the first successful handshake. */
    public CompletableFuture<Void> start() {
        return connection.start();
    }

    public CompletableFuture<JsonNode> subscribeQuotes(String contractId) {
        return connection.subscribe("SubscribeContractQuotes", TextNode.valueOf(contractId));
    }

    public CompletableFuture<JsonNode> unsubscribeQuotes(String contractId) {
        lastQuotes.remove(contractId);
        return connection.unsubscribe("SubscribeContractQuotes", "UnsubscribeContractQuotes",
                TextNode.valueOf(contractId));
    }

    public CompletableFuture<JsonNode> subscribeTrades(String contractId) {
        return connection.subscribe("SubscribeContractTrades", TextNode.valueOf(contractId));
    }

    public CompletableFuture<JsonNode> unsubscribeTrades(String contractId) {
        return connection.unsubscribe("SubscribeContractTrades", "UnsubscribeContractTrades",
                TextNode.valueOf(contractId));
    }

    public CompletableFuture<JsonNode> subscribeDepth(String contractId) {
        return connection.subscribe("SubscribeContractMarketDepth", TextNode.valueOf(contractId));
    }

    public CompletableFuture<JsonNode> unsubscribeDepth(String contractId) {
        return connection.unsubscribe("SubscribeContractMarketDepth", "UnsubscribeContractMarketDepth",
                TextNode.valueOf(contractId));
    }

    /** The underlying connection, for its state and problem counts. */
    public HubConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        connection.close();
    }

    private final class Decoder implements HubConnection.Listener {

        @Override
        public void onEvent(Invocation invocation) {
            String target = invocation.target();
            if (!target.equals("GatewayQuote") && !target.equals("GatewayTrade") && !target.equals("GatewayDepth")) {
                connection.problems().report("unknown target " + target, invocation.arguments().size() + " arguments");
                return;
            }
            List<JsonNode> arguments = invocation.arguments();
            if (arguments.size() < 2 || !arguments.get(0).isTextual()) {
                connection.problems().report(target + " without contractId and payload",
                        arguments.size() + " arguments");
                return;
            }
            String contractId = arguments.get(0).textValue();
            listener.onEvent(new HubEvent(HUB, target, arguments, Instant.now()));
            if (!listener.wantsTyped()) {
                return;
            }
            JsonNode payload = arguments.get(1);
            try {
                switch (target) {
                    case "GatewayQuote" -> onQuote(contractId, payload);
                    case "GatewayTrade" -> listener.onMarketTrades(contractId,
                            Payloads.readAll(json, payload, MarketTrade.class));
                    default -> listener.onDepth(contractId, Payloads.readAll(json, payload, DepthEntry.class));
                }
            } catch (JsonProcessingException e) {
                connection.problems().report("undecodable " + target, e.getOriginalMessage());
            } catch (IllegalArgumentException e) {
                connection.problems().report("undecodable " + target, e.getMessage());
            }
        }

        private void onQuote(String contractId, JsonNode payload) throws JsonProcessingException {
            JsonNode data = Payloads.unwrap(payload);
            if (!data.isObject()) {
                throw new IllegalArgumentException("quote is not an object: " + data.getNodeType());
            }
            Quote update = json.treeToValue(data, Quote.class);
            Quote merged = lastQuotes.merge(contractId, update, (previous, next) -> next.mergedOnto(previous));
            listener.onQuote(contractId, merged);
        }

        @Override
        public void onReconnected() {
            listener.onReconnected();
        }
    }
}
