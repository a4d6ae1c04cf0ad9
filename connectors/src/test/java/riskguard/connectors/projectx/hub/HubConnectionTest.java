package riskguard.connectors.projectx.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riskguard.connectors.projectx.hub.ScriptedHubPeer.RS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import riskguard.connectors.signalr.Close;
import riskguard.connectors.signalr.Completion;
import riskguard.connectors.signalr.HubProtocol;
import riskguard.connectors.signalr.Invocation;
import riskguard.connectors.testing.CapturedLogs;

/** The generic SignalR connection against scripted WebSocket peers on loopback. */
class HubConnectionTest {

    private static final String TOKEN = "eyJhbGciOi.hub-token.sig";

    private final BlockingQueue<Invocation> events = new LinkedBlockingQueue<>();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final BlockingQueue<String> reconnectSignals = new LinkedBlockingQueue<>();
    private MockWebServer server;
    private HubConnection connection;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        server.close();
    }

    private HubConnection.Builder builder() {
        return HubConnection.builder("http://127.0.0.1:" + server.getPort() + "/hubs/user", () -> TOKEN)
                .name("test hub")
                .reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(100))
                .listener(new HubConnection.Listener() {
                    @Override
                    public void onEvent(Invocation event) {
                        events.add(event);
                    }

                    @Override
                    public void onReconnected() {
                        reconnects.incrementAndGet();
                        reconnectSignals.add("reconnected");
                    }
                });
    }

    private ScriptedHubPeer enqueue(ScriptedHubPeer peer) {
        server.enqueue(new MockResponse.Builder().webSocketUpgrade(peer).build());
        return peer;
    }

    private void connect(HubConnection.Builder builder) throws Exception {
        connection = builder.build();
        connection.start().get(10, TimeUnit.SECONDS);
    }

    @Test
    void connectsWithTheTokenInTheQueryAndSendsTheHandshakeFirst() throws Exception {
        ScriptedHubPeer peer = enqueue(ScriptedHubPeer.accepting());
        connect(builder());

        RecordedRequest upgrade = server.takeRequest(10, TimeUnit.SECONDS);
        assertThat(upgrade.getUrl().encodedPath()).isEqualTo("/hubs/user");
        assertThat(upgrade.getUrl().queryParameter("access_token")).isEqualTo(TOKEN);
        assertThat(upgrade.getHeaders().get("Upgrade")).isEqualToIgnoringCase("websocket");
        assertThat(peer.nextRecord()).isEqualTo("{\"protocol\":\"json\",\"version\":1}");
        assertThat(connection.isConnected()).isTrue();
    }

    @Test
    void invocationCompletesWithTheResultOrTheError() throws Exception {
        ScriptedHubPeer peer = enqueue(ScriptedHubPeer.acceptingWithoutAnswers());
        connect(builder());
        peer.nextRecord();

        CompletableFuture<JsonNode> echo = connection.invoke("Echo", IntNode.valueOf(5));
        CompletableFuture<JsonNode> broken = connection.invoke("Broken");
        assertThat(peer.nextRecord()).isEqualTo("{\"type\":1,\"invocationId\":\"0\",\"target\":\"Echo\",\"arguments\":[5]}");
        assertThat(peer.nextRecord()).isEqualTo("{\"type\":1,\"invocationId\":\"1\",\"target\":\"Broken\",\"arguments\":[]}");
        peer.send(Completion.ofError("1", "Method does not exist."));
        peer.send(Completion.ofResult("0", TextNode.valueOf("five")));

        assertThat(echo.get(10, TimeUnit.SECONDS).textValue()).isEqualTo("five");
        assertThatThrownBy(() -> broken.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(HubConnectionException.class)
                .hasMessageContaining("Broken failed: Method does not exist.");
    }

    @Test
    void anUnansweredSubscriptionIsAProblemAfterTheTimeoutAndIsInvokedAgain() throws Exception {
        ScriptedHubPeer peer = enqueue(ScriptedHubPeer.acceptingWithoutAnswers());
        connect(builder().subscribeTimeout(Duration.ofMillis(200)));
        peer.nextRecord();

        CompletableFuture<JsonNode> subscribed = connection.subscribe("SubscribeTrades", IntNode.valueOf(536));
        assertThat(peer.nextRecord()).contains("\"invocationId\":\"0\",\"target\":\"SubscribeTrades\"");
        assertThatThrownBy(() -> subscribed.get(10, TimeUnit.SECONDS))
                .hasMessageContaining("SubscribeTrades(536) got no answer within 200 ms");
        assertThat(connection.subscriptionsConfirmed()).isFalse();
        assertThat(connection.subscriptionProblems()).singleElement().satisfies(problem ->
                assertThat(problem.describe()).isEqualTo("test hub refused SubscribeTrades(536): no answer within 200 ms"));

        String retry = peer.nextRecord();
        assertThat(retry).contains("\"target\":\"SubscribeTrades\",\"arguments\":[536]");
        String id = retry.replaceFirst(".*\"invocationId\":\"(\\d+)\".*", "$1");
        peer.send(Completion.empty(id));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!connection.subscriptionsConfirmed() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(connection.subscriptionsConfirmed()).isTrue();
        assertThat(connection.subscriptionProblems()).isEmpty();
    }

    @Test
    void sendWithoutIdExpectsNoAnswer() throws Exception {
        ScriptedHubPeer peer = enqueue(ScriptedHubPeer.accepting());
        connect(builder());
        peer.nextRecord();

        assertThat(connection.send("SubscribeAccounts")).isTrue();
        assertThat(peer.nextRecord()).isEqualTo("{\"type\":1,\"target\":\"SubscribeAccounts\",\"arguments\":[]}");
    }

    @Test
    void messageSplitAcrossFramesIsDeliveredOnce() throws Exception {
        ScriptedHubPeer peer = enqueue(ScriptedHubPeer.accepting());
        connect(builder());

        String record = "{\"type\":1,\"target\":\"GatewayQuote\",\"arguments\":[\"CON.F.US.EP.H25\",{\"lastPrice\":6065.25}]}";
        peer.send(record.substring(0, 20));
        peer.send(record.substring(20, 41));
        peer.send(record.substring(41) + RS);

        Invocation event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(event.target()).isEqualTo("GatewayQuote");
        assertThat(event.arguments().get(1).get("lastPrice").doubleValue()).isEqualTo(6065.25);
    }

    @Test
    void severalMessagesInOneFrameAreHandledInOrder() throws Exception {
        ScriptedHubPeer peer = enqueue(ScriptedHubPeer.acceptingWithoutAnswers());
        connect(builder());
        peer.nextRecord();
        CompletableFuture<JsonNode> call = connection.invoke("SubscribeAccounts");
        peer.nextRecord();

        peer.send("{\"type\":6}" + RS
                + "{\"type\":1,\"target\":\"A\",\"arguments\":[1]}" + RS
                + "{\"type\":3,\"invocationId\":\"0\",\"result\":true}" + RS
                + "{\"type\":1,\"target\":\"B\",\"arguments\":[2]}" + RS);

        assertThat(events.poll(10, TimeUnit.SECONDS).target()).isEqualTo("A");
        assertThat(events.poll(10, TimeUnit.SECONDS).target()).isEqualTo("B");
        assertThat(call.get(10, TimeUnit.SECONDS).booleanValue()).isTrue();
    }

    @Test
    void handshakeAnswerAndFirstEventInOneFrameAreBothHandled() throws Exception {
        ScriptedHubPeer peer = enqueue(ScriptedHubPeer.silent());
        connection = builder().build();
        CompletableFuture<Void> connected = connection.start();
        assertThat(peer.nextRecord()).contains("\"protocol\":\"json\"");

        peer.send("{}" + RS + "{\"type\":1,\"target\":\"A\",\"arguments\":[]}" + RS);

        connected.get(10, TimeUnit.SECONDS);
        assertThat(events.poll(10, TimeUnit.SECONDS).target()).isEqualTo("A");
    }

    @Test
    void pingAheadOfTheHandshakeAnswerIsSkipped() throws Exception {
        ScriptedHubPeer peer = enqueue(ScriptedHubPeer.silent());
        connection = builder().build();
        CompletableFuture<Void> connected = connection.start();
        peer.nextRecord();

        peer.send("{\"type\":6}" + RS);
        peer.send("{}" + RS + "{\"type\":1,\"target\":\"A\",\"arguments\":[]}" + RS);

        connected.get(10, TimeUnit.SECONDS);
        assertThat(events.poll(10, TimeUnit.SECONDS).target()).isEqualTo("A");
        assertThat(connection.problemCounts()).containsEntry("message before the handshake answer", 1L);
        assertThat(server.getRequestCount()).as("no reconnect").isEqualTo(1);
    }

    @Test
    void refusedHandshakeIsLoggedAndRetried() throws Exception {
        try (CapturedLogs logs = new CapturedLogs()) {
            enqueue(ScriptedHubPeer.refusingHandshake("The server does not support version 1 of the 'json' protocol."));
            ScriptedHubPeer accepting = enqueue(ScriptedHubPeer.accepting());
            connect(builder());

            accepting.nextRecord();
            assertThat(server.getRequestCount()).isEqualTo(2);
            assertThat(reconnects.get()).as("a failed handshake is not a lost connection").isZero();
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line)
                    .startsWith("ERROR").contains("handshake refused").contains("does not support version 1"));
        }
    }

    @Test
    void serverCloseWithAllowReconnectLeadsToReconnectAndResubscribe() throws Exception {
        ScriptedHubPeer first = enqueue(ScriptedHubPeer.accepting());
        ScriptedHubPeer second = enqueue(ScriptedHubPeer.acceptingWithoutAnswers());
        connect(builder());
        connection.subscribe("SubscribeOrders", IntNode.valueOf(536)).get(10, TimeUnit.SECONDS);
        first.awaitRecordContaining("SubscribeOrders");

        first.send(new Close("Server is restarting", true));

        assertThat(second.nextRecord()).contains("\"protocol\":\"json\"");
        Invocation renewed = (Invocation) HubProtocol.decode(second.nextRecord());
        assertThat(renewed.target()).isEqualTo("SubscribeOrders");
        assertThat(renewed.arguments()).containsExactly(IntNode.valueOf(536));
        second.send(Invocation.event("GatewayUserOrder", IntNode.valueOf(1)));
        assertThat(events.poll(10, TimeUnit.SECONDS).target()).isEqualTo("GatewayUserOrder");
        assertThat(reconnects.get()).as("not announced before the hub confirmed the subscription").isZero();

        second.send(Completion.empty(renewed.invocationId()));

        assertThat(reconnectSignals.poll(10, TimeUnit.SECONDS)).isEqualTo("reconnected");
        assertThat(reconnects.get()).isEqualTo(1);
        assertThat(first.awaitClosed()).isTrue();
    }

    @Test
    void unsubscribedTargetsAreNotRenewedAfterReconnect() throws Exception {
        ScriptedHubPeer first = enqueue(ScriptedHubPeer.accepting());
        ScriptedHubPeer second = enqueue(ScriptedHubPeer.accepting());
        connect(builder());
        connection.subscribe("SubscribeOrders", IntNode.valueOf(1)).get(10, TimeUnit.SECONDS);
        connection.subscribe("SubscribeTrades", IntNode.valueOf(1)).get(10, TimeUnit.SECONDS);
        connection.unsubscribe("SubscribeOrders", "UnsubscribeOrders", IntNode.valueOf(1)).get(10, TimeUnit.SECONDS);
        first.awaitRecordContaining("UnsubscribeOrders");

        first.drop();

        second.nextRecord();
        assertThat(second.nextRecord()).contains("SubscribeTrades");
        connection.invoke("Marker").get(10, TimeUnit.SECONDS);
        assertThat(second.nextRecord()).as("nothing else was re-invoked").contains("Marker");
    }

    @Test
    void silentServerIsTakenForGoneAndReplaced() throws Exception {
        ScriptedHubPeer silent = enqueue(ScriptedHubPeer.accepting());
        ScriptedHubPeer second = enqueue(ScriptedHubPeer.accepting());
        connect(builder().pingInterval(Duration.ofMillis(50)).serverTimeout(Duration.ofMillis(300)));

        assertThat(silent.awaitRecordContaining("{\"type\":6}")).as("the client pings while idle")
                .isEqualTo("{\"type\":6}");
        assertThat(second.nextRecord()).contains("\"protocol\":\"json\"");
        assertThat(silent.awaitClosed()).isTrue();
    }

    @Test
    void unansweredHandshakeCountsAsAFailedAttempt() throws Exception {
        ScriptedHubPeer mute = enqueue(ScriptedHubPeer.silent());
        ScriptedHubPeer answering = enqueue(ScriptedHubPeer.accepting());
        connect(builder().serverTimeout(Duration.ofMillis(300)));

        assertThat(mute.nextRecord()).contains("\"protocol\":\"json\"");
        assertThat(answering.nextRecord()).contains("\"protocol\":\"json\"");
        assertThat(mute.awaitClosed()).isTrue();
        assertThat(reconnects.get()).isZero();
    }

    @Test
    void pendingInvocationFailsWhenTheConnectionIsLost() throws Exception {
        ScriptedHubPeer peer = enqueue(ScriptedHubPeer.acceptingWithoutAnswers());
        connect(builder());
        peer.nextRecord();
        CompletableFuture<JsonNode> call = connection.invoke("Slow");
        peer.nextRecord();

        peer.drop();

        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(HubConnectionException.class).hasMessageContaining("Slow got no answer");
    }

    @Test
    void invokeWhileDisconnectedFailsAtOnce() {
        connection = builder().build();
        assertThat(connection.invoke("X")).isCompletedExceptionally();
        assertThat(connection.send("X")).isFalse();
    }

    @Test
    void tokenNeverReachesTheLogButHostAndPathDo() throws Exception {
        try (CapturedLogs logs = new CapturedLogs()) {
            server.enqueue(new MockResponse.Builder().code(401).body("Unauthorized " + TOKEN).build());
            ScriptedHubPeer peer = enqueue(ScriptedHubPeer.accepting());
            connect(builder());
            peer.nextRecord();
            connection.close();

            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("HTTP 401"));
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line)
                    .contains("127.0.0.1:" + server.getPort() + "/hubs/user"));
            assertThat(logs.lines()).noneSatisfy(line -> assertThat(line).contains(TOKEN));
            assertThat(logs.lines()).noneSatisfy(line -> assertThat(line).contains("access_token"));
        }
    }
}
