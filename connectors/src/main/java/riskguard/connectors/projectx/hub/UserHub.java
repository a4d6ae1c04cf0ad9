package riskguard.connectors.projectx.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import riskguard.connectors.projectx.model.Account;
import riskguard.connectors.projectx.model.Order;
import riskguard.connectors.projectx.model.Position;
import riskguard.connectors.projectx.model.ProjectXJson;
import riskguard.connectors.projectx.model.Trade;
import riskguard.connectors.signalr.Invocation;

/**
 * The ProjectX user hub: account, position, order and trade events of the subscribed accounts.
 * Subscriptions survive reconnects.
 */
public final class UserHub implements AutoCloseable {

    /** The hub's name in {@link HubEvent#hub()} and in recordings. */
    public static final String HUB = "user";

    private final HubConnection connection;
    private final UserHubListener listener;
    private final ObjectMapper json = ProjectXJson.newMapper();

    /**
     * @param connection URL, token and timings; the name and listener are set here
     */
    public UserHub(HubConnection.Builder connection, UserHubListener listener) {
        this.listener = listener;
        this.connection = connection.name("user hub").listener(new Decoder()).build();
    }

    /** Starts connecting; completes at the first successful handshake. */
    public CompletableFuture<Void> start() {
        return connection.start();
    }

    public CompletableFuture<JsonNode> subscribeAccounts() {
        return connection.subscribe("SubscribeAccounts");
    }

    public CompletableFuture<JsonNode> unsubscribeAccounts() {
        return connection.unsubscribe("SubscribeAccounts", "UnsubscribeAccounts");
    }

    public CompletableFuture<JsonNode> subscribeOrders(long accountId) {
        return connection.subscribe("SubscribeOrders", LongNode.valueOf(accountId));
    }

    public CompletableFuture<JsonNode> unsubscribeOrders(long accountId) {
        return connection.unsubscribe("SubscribeOrders", "UnsubscribeOrders", LongNode.valueOf(accountId));
    }

    public CompletableFuture<JsonNode> subscribePositions(long accountId) {
        return connection.subscribe("SubscribePositions", LongNode.valueOf(accountId));
    }

    public CompletableFuture<JsonNode> unsubscribePositions(long accountId) {
        return connection.unsubscribe("SubscribePositions", "UnsubscribePositions", LongNode.valueOf(accountId));
    }

    public CompletableFuture<JsonNode> subscribeTrades(long accountId) {
        return connection.subscribe("SubscribeTrades", LongNode.valueOf(accountId));
    }

    public CompletableFuture<JsonNode> unsubscribeTrades(long accountId) {
        return connection.unsubscribe("SubscribeTrades", "UnsubscribeTrades", LongNode.valueOf(accountId));
    }

    /** Orders, positions and trades of one account. */
    public CompletableFuture<Void> subscribeAccount(long accountId) {
        return CompletableFuture.allOf(subscribeOrders(accountId), subscribePositions(accountId),
                subscribeTrades(accountId));
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
            Class<?> type = switch (target) {
                case "GatewayUserAccount" -> Account.class;
                case "GatewayUserPosition" -> Position.class;
                case "GatewayUserOrder" -> Order.class;
                case "GatewayUserTrade" -> Trade.class;
                default -> null;
            };
            if (type == null) {
                connection.problems().report("unknown target " + target, invocation.arguments().size() + " arguments");
                return;
            }
            if (invocation.arguments().isEmpty()) {
                connection.problems().report(target + " without payload", "no arguments");
                return;
            }
            List<JsonNode> arguments = invocation.arguments();
            listener.onEvent(new HubEvent(HUB, target, arguments, Instant.now()));
            if (!listener.wantsTyped()) {
                return;
            }
            List<?> values;
            try {
                values = Payloads.readAll(json, arguments.get(arguments.size() - 1), type);
            } catch (JsonProcessingException e) {
                connection.problems().report("undecodable " + target, e.getOriginalMessage());
                return;
            } catch (IllegalArgumentException e) {
                connection.problems().report("undecodable " + target, e.getMessage());
                return;
            }
            for (Object value : values) {
                if (value instanceof Account account) {
                    listener.onAccount(account);
                } else if (value instanceof Position position) {
                    listener.onPosition(position);
                } else if (value instanceof Order order) {
                    listener.onOrder(order);
                } else if (value instanceof Trade trade) {
                    listener.onTrade(trade);
                }
            }
        }

        @Override
        public void onReconnected() {
            listener.onReconnected();
        }
    }
}
