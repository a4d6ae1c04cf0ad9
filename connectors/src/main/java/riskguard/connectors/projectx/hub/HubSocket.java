package riskguard.connectors.projectx.hub;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import riskguard.connectors.signalr.HandshakeRequest;
import riskguard.connectors.signalr.HubProtocol;
import riskguard.connectors.signalr.HubProtocolException;
import riskguard.connectors.signalr.Ping;
import riskguard.connectors.signalr.RecordBuffer;

/**
 * One WebSocket to a hub: sends the handshake when it opens, cuts incoming frames into records,
 * pings while idle and reports the peer gone after a silence. What the records mean is the
 * owner's business. Once lost, it reports nothing more.
 */
final class HubSocket extends WebSocketListener {

    /** Receives what happens on the socket; called on OkHttp's reader thread or the timer. */
    interface Owner {

        void onRecord(HubSocket socket, String record);

        void onLost(HubSocket socket, String reason);

        void onProblem(String kind, String detail);
    }

    private final Owner owner;
    private final String token;
    private final Duration pingInterval;
    private final Duration serverTimeout;
    private final RecordBuffer buffer = new RecordBuffer();
    private volatile WebSocket webSocket;
    private volatile boolean handshaken;
    private volatile boolean lost;
    private volatile boolean tokenRefused;
    private volatile long lastReceivedNanos = System.nanoTime();
    private volatile long lastSentNanos = System.nanoTime();
    private ScheduledFuture<?> ticker;

    HubSocket(Owner owner, String token, Duration pingInterval, Duration serverTimeout) {
        this.owner = owner;
        this.token = token == null ? "" : token;
        this.pingInterval = pingInterval;
        this.serverTimeout = serverTimeout;
    }

    /** Connects to {@code url} and starts watching the silence, the handshake included. */
    void open(OkHttpClient http, HttpUrl url, ScheduledExecutorService timer) {
        http.newWebSocket(new Request.Builder().url(url).build(), this);
        long periodNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(10),
                Math.min(pingInterval.toNanos(), serverTimeout.toNanos()) / 3);
        synchronized (this) {
            if (!lost) {
                ticker = timer.scheduleAtFixedRate(this::tick, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
            }
        }
    }

    boolean send(String text) {
        WebSocket ws = webSocket;
        if (ws == null || lost || !ws.send(text)) {
            return false;
        }
        lastSentNanos = System.nanoTime();
        return true;
    }

    /** The token this socket connected with (empty if there was none). */
    String token() {
        return token;
    }

    /** True when the hub refused the upgrade with HTTP 401: the token is no longer good. */
    boolean tokenRefused() {
        return tokenRefused;
    }

    boolean handshaken() {
        return handshaken;
    }

    void markHandshaken() {
        handshaken = true;
    }

    /** Marks the socket lost; true for the one caller that did it first. */
    synchronized boolean markLost() {
        if (lost) {
            return false;
        }
        lost = true;
        return true;
    }

    /** Stops the timer and drops the connection without a closing handshake. */
    void abandon() {
        stopTicker();
        WebSocket ws = webSocket;
        if (ws != null) {
            ws.cancel();
        }
    }

    /** Stops the timer and closes the connection politely. */
    void closeGracefully() {
        markLost();
        stopTicker();
        WebSocket ws = webSocket;
        if (ws != null) {
            ws.close(1000, "client closing");
        }
    }

    @Override
    public void onOpen(WebSocket ws, Response response) {
        webSocket = ws;
        lastReceivedNanos = System.nanoTime();
        send(HubProtocol.encodeHandshakeRequest(HandshakeRequest.JSON_V1));
    }

    @Override
    public void onMessage(WebSocket ws, String text) {
        if (lost) {
            return;
        }
        lastReceivedNanos = System.nanoTime();
        List<String> records;
        try {
            records = buffer.append(text);
        } catch (HubProtocolException e) {
            owner.onProblem("malformed record: " + e.kind(), e.getMessage());
            return;
        }
        for (String record : records) {
            if (lost) {
                return;
            }
            owner.onRecord(this, record);
        }
    }

    @Override
    public void onMessage(WebSocket ws, ByteString bytes) {
        owner.onProblem("binary frame", bytes.size() + " bytes; the JSON protocol uses text frames");
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
        ws.close(1000, null);
        owner.onLost(this, "socket closed by the server, code " + code + (reason.isEmpty() ? "" : ", " + reason));
    }

    @Override
    public void onClosed(WebSocket ws, int code, String reason) {
        owner.onLost(this, "socket closed, code " + code);
    }

    @Override
    public void onFailure(WebSocket ws, Throwable failure, Response response) {
        tokenRefused = response != null && response.code() == 401;
        String problem = response != null
                ? "HTTP " + response.code() + " on upgrade"
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        owner.onLost(this, token.isEmpty() ? problem : problem.replace(token, "***"));
    }

    private synchronized void stopTicker() {
        if (ticker != null) {
            ticker.cancel(false);
        }
    }

    private void tick() {
        long now = System.nanoTime();
        if (now - lastReceivedNanos >= serverTimeout.toNanos()) {
            owner.onLost(this, "nothing received for " + serverTimeout.toMillis() + " ms");
        } else if (handshaken && now - lastSentNanos >= pingInterval.toNanos()) {
            send(HubProtocol.encode(new Ping()));
        }
    }
}
