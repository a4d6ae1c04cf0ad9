package riskguard.connectors.projectx.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import riskguard.connectors.signalr.Completion;
import riskguard.connectors.signalr.HubMessage;
import riskguard.connectors.signalr.HubProtocol;
import riskguard.connectors.signalr.HubProtocolException;
import riskguard.connectors.signalr.Invocation;
import riskguard.connectors.signalr.RecordBuffer;

/**
 * The server side of one scripted hub connection on mockwebserver3. It can answer the handshake
 * and every invocation by itself, and records what the client sent.
 */
final class ScriptedHubPeer extends WebSocketListener {

    static final String RS = "\u001e";

    private final String handshakeAnswer;
    private final boolean completeInvocations;
    private final RecordBuffer buffer = new RecordBuffer();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<WebSocket> opened = new CompletableFuture<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private ScriptedHubPeer(String handshakeAnswer, boolean completeInvocations) {
        this.handshakeAnswer = handshakeAnswer;
        this.completeInvocations = completeInvocations;
    }

    /** Accepts the handshake and completes every invocation with no result. */
    static ScriptedHubPeer accepting() {
        return new ScriptedHubPeer("{}" + RS, true);
    }

    /** Accepts the handshake; invocations wait for the test to answer them. */
    static ScriptedHubPeer acceptingWithoutAnswers() {
        return new ScriptedHubPeer("{}" + RS, false);
    }

    /** Answers nothing, not even the handshake: the test scripts every frame. */
    static ScriptedHubPeer silent() {
        return new ScriptedHubPeer(null, false);
    }

    static ScriptedHubPeer refusingHandshake(String error) {
        return new ScriptedHubPeer("{\"error\":\"" + error + "\"}" + RS, false);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        opened.complete(webSocket);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        try {
            for (String record : buffer.append(text)) {
                boolean handshake = received.isEmpty() && record.contains("\"protocol\"");
                received.add(record);
                if (handshake && handshakeAnswer != null) {
                    webSocket.send(handshakeAnswer);
                } else if (completeInvocations) {
                    HubMessage message = HubProtocol.decode(record);
                    if (message instanceof Invocation invocation && invocation.expectsCompletion()) {
                        webSocket.send(HubProtocol.encode(Completion.empty(invocation.invocationId())));
                    }
                }
            }
        } catch (HubProtocolException e) {
            throw new AssertionError("client sent a malformed record", e);
        }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        webSocket.close(1000, null);
        closed.countDown();
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        closed.countDown();
    }

    /** Sends raw text as one WebSocket frame. */
    void send(String text) {
        assertThat(socket().send(text)).as("server frame sent").isTrue();
    }

    void send(HubMessage message) {
        send(HubProtocol.encode(message));
    }

    /** The next record the client sent (handshake included), waiting up to 10 s. */
    String nextRecord() throws InterruptedException {
        String record = received.poll(10, TimeUnit.SECONDS);
        assertThat(record).as("a record from the client").isNotNull();
        return record;
    }

    /** Skips records until one contains {@code fragment}; fails after 10 s. */
    String awaitRecordContaining(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String record = received.poll(100, TimeUnit.MILLISECONDS);
            if (record != null && record.contains(fragment)) {
                return record;
            }
        }
        throw new AssertionError("client never sent a record containing " + fragment);
    }

    /** Closes the WebSocket from the server side, as a server going away would. */
    void drop() {
        socket().close(1001, "going away");
    }

    boolean awaitClosed() throws InterruptedException {
        return closed.await(10, TimeUnit.SECONDS);
    }

    WebSocket socket() {
        try {
            return opened.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the client never opened this connection", e);
        }
    }
}
