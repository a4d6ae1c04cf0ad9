package riskguard.connectors.projectx.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riskguard.connectors.signalr.Close;
import riskguard.connectors.signalr.Completion;
import riskguard.connectors.signalr.HandshakeResponse;
import riskguard.connectors.signalr.HubMessage;
import riskguard.connectors.signalr.HubProtocol;
import riskguard.connectors.signalr.HubProtocolException;
import riskguard.connectors.signalr.Invocation;
import riskguard.connectors.signalr.Ping;

/**
 * A SignalR client connection (JSON protocol) that stays up. It connects straight to the hub's
 * WebSocket with the token as {@code access_token} (no negotiation), pings while idle, treats a
 * silent peer as gone, and reconnects with jittered backoff for as long as it is open. After every
 * reconnect it invokes each active subscription again and tells the listener, so the caller can
 * reconcile what it missed. A subscription the hub refuses (an error completion) or does not answer
 * within the subscribe timeout is a {@link SubscriptionProblem}: logged once per episode, listed by
 * {@link #subscriptionProblems()} and invoked again with the reconnect backoff until the hub
 * accepts it. Events reach the listener on one thread, in the order received.
 */
public final class HubConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HubConnection.class);

    /** Receives what the server sends. Callbacks must not block for long: they hold up the socket. */
    public interface Listener {

        /** A server-to-client invocation, i.e. an event. */
        void onEvent(Invocation event);

        /**
     * The connection is back after a loss and the hub has answered every subscription invoked
     * again (successfully or not), so events flow; what happened in the gap must come from REST.
     */
        default void onReconnected() {
        }
    }

    private final String name;
    private final HttpUrl hubUrl;
    private final Supplier<String> accessToken;
    private final UnaryOperator<String> renewRejectedToken;
    private final Listener listener;
    private final Duration pingInterval;
    private final Duration serverTimeout;
    private final Duration reconnectInitialDelay;
    private final Duration reconnectMaxDelay;
    private final Duration subscribeTimeout;
    private final OkHttpClient http;
    private final ScheduledExecutorService scheduler;
    private final ProblemLog problems;
    private final AtomicLong invocationIds = new AtomicLong();
    private final Map<String, PendingCall> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> firstConnected = new CompletableFuture<>();
    private final HubSocket.Owner owner = new HubSocket.Owner() {
        @Override
        public void onRecord(HubSocket socket, String record) {
            dispatch(socket, record);
        }

        @Override
        public void onLost(HubSocket socket, String reason) {
            lose(socket, reason);
        }

        @Override
        public void onProblem(String kind, String detail) {
            problems.report(kind, detail);
        }
    };

    private final Object lock = new Object();
    private final Map<Subscription, SubscriptionState> subscriptions = new LinkedHashMap<>();
    private HubSocket current;
    /** The token the hub last refused with HTTP 401, until the next attempt renews it. */
    private String refusedToken;
    private int failedAttempts;
    private boolean everConnected;
    private boolean started;
    private boolean closed;

    private HubConnection(Builder builder) {
        this.name = builder.name;
        this.hubUrl = builder.hubUrl;
        this.accessToken = builder.accessToken;
        this.renewRejectedToken = builder.renewRejectedToken != null
                ? builder.renewRejectedToken
                : refused -> builder.accessToken.get();
        this.listener = Objects.requireNonNull(builder.listener, "listener");
        this.pingInterval = builder.pingInterval;
        this.serverTimeout = builder.serverTimeout;
        this.reconnectInitialDelay = builder.reconnectInitialDelay;
        this.reconnectMaxDelay = builder.reconnectMaxDelay;
        this.subscribeTimeout = builder.subscribeTimeout;
        this.problems = new ProblemLog(name);
        this.http = new OkHttpClient.Builder()
                .connectTimeout(builder.connectTimeout)
                .readTimeout(builder.connectTimeout)
                .writeTimeout(builder.connectTimeout)
                .build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + " timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param hubUrl e.g. {@code https://rtc.topstepx.com/hubs/user} ({@code wss://} works too)
     * @param accessToken asked for a token before every connection attempt
     */
    public static Builder builder(String hubUrl, Supplier<String> accessToken) {
        return new Builder(hubUrl, accessToken);
    }

    /**
     * Starts connecting; the future completes at the first successful handshake. Failures are
     * retried forever, so it only completes exceptionally if the connection is closed first.
     */
    public CompletableFuture<Void> start() {
        synchronized (lock) {
            if (started) {
                return firstConnected;
            }
            started = true;
        }
        scheduler.execute(this::connect);
        return firstConnected;
    }

    /** Calls a hub method and completes with its result (JSON null for none). */
    public CompletableFuture<JsonNode> invoke(String target, JsonNode... arguments) {
        HubSocket socket = connectedSocket();
        if (socket == null) {
            return CompletableFuture.failedFuture(
                    new HubConnectionException(name + " is not connected; " + target + " was not sent"));
        }
        return invokeOn(socket, target, List.of(arguments));
    }

    /** Calls a hub method without asking for an answer; false if it could not be sent. */
    public boolean send(String target, JsonNode... arguments) {
        HubSocket socket = connectedSocket();
        return socket != null && socket.send(HubProtocol.encode(new Invocation(null, target, List.of(arguments))));
    }

    /**
     * Invokes {@code target} now if connected, and again after every reconnect until
     * {@link #unsubscribe}; a refused or unanswered one again with backoff until the hub accepts
     * it. The future completes with the first answer (exceptionally when that was a refusal).
     */
    public CompletableFuture<JsonNode> subscribe(String target, JsonNode... arguments) {
        Subscription subscription = new Subscription(target, List.of(arguments));
        SubscriptionState state = new SubscriptionState();
        HubSocket socket;
        synchronized (lock) {
            SubscriptionState existing = subscriptions.putIfAbsent(subscription, state);
            if (existing != null) {
                return existing.firstAnswer;
            }
            socket = current != null && current.handshaken() ? current : null;
        }
        if (socket != null) {
            invokeSubscription(socket, subscription, state);
        }
        return state.firstAnswer;
    }

    /** Stops re-invoking {@code subscribeTarget(arguments)} and invokes {@code unsubscribeTarget(arguments)}. */
    public CompletableFuture<JsonNode> unsubscribe(String subscribeTarget, String unsubscribeTarget,
            JsonNode... arguments) {
        synchronized (lock) {
            SubscriptionState state = subscriptions.remove(new Subscription(subscribeTarget, List.of(arguments)));
            if (state != null) {
                state.cancelRetry();
            }
        }
        return connectedSocket() == null
                ? CompletableFuture.completedFuture(NullNode.getInstance())
                : invoke(unsubscribeTarget, arguments);
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    public boolean isConnected() {
        return connectedSocket() != null;
    }

    /**
     * True when connected and the hub accepted every active subscription on this connection: all
     * the subscribed events flow. False while one is unanswered, refused or not invoked yet.
     */
    public boolean subscriptionsConfirmed() {
        synchronized (lock) {
            HubSocket socket = current != null && current.handshaken() ? current : null;
            return socket != null && subscriptions.values().stream().allMatch(state -> state.acceptedOn == socket);
        }
    }

    /** The active subscriptions the hub refused or did not answer, oldest first; empty when none. */
    public List<SubscriptionProblem> subscriptionProblems() {
        List<SubscriptionProblem> problemList = new ArrayList<>();
        synchronized (lock) {
            subscriptions.forEach((subscription, state) -> {
                if (state.refusal != null) {
                    problemList.add(new SubscriptionProblem(name, subscription.target(), subscription.argumentText(),
                            state.refusal, state.refusals, state.refusedSince));
                }
            });
        }
        return problemList;
    }

    /** Problems skipped so far (malformed records, unknown targets …) by kind. */
    public Map<String, Long> problemCounts() {
        return problems.counts();
    }

    /** Closes the socket, stops reconnecting and shuts down OkHttp's threads. */
    @Override
    public void close() {
        HubSocket socket;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            socket = current;
            current = null;
        }
        if (socket != null) {
            socket.closeGracefully();
        }
        failPending("connection closed");
        firstConnected.completeExceptionally(new HubConnectionException(name + " was closed"));
        scheduler.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        log.info("{}: closed", name);
    }

    ProblemLog problems() {
        return problems;
    }

    private void connect() {
        String refused;
        synchronized (lock) {
            refused = refusedToken;
            refusedToken = null;
        }
        String token;
        try {
            if (refused != null) {
                log.info("{}: the hub refused the token (HTTP 401); renewing it", name);
                token = renewRejectedToken.apply(refused);
            } else {
                token = accessToken.get();
            }
        } catch (RuntimeException e) {
            log.warn("{}: no access token ({}); will retry", name, e.getMessage());
            scheduleReconnect();
            return;
        }
        HubSocket socket = new HubSocket(owner, token, pingInterval, serverTimeout);
        synchronized (lock) {
            if (closed) {
                return;
            }
            current = socket;
        }
        log.info("{}: connecting to {}", name, displayUrl());
        socket.open(http, hubUrl.newBuilder().addQueryParameter("access_token", token).build(), scheduler);
    }

    private void scheduleReconnect() {
        long delayNanos;
        synchronized (lock) {
            if (closed) {
                return;
            }
            failedAttempts++;
            delayNanos = reconnectDelay(failedAttempts).toNanos();
        }
        log.info("{}: reconnecting in {} ms", name, TimeUnit.NANOSECONDS.toMillis(delayNanos));
        try {
            scheduler.schedule(this::connect, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            log.debug("{}: not reconnecting, closing", name);
        }
    }

    /** Exponential from the initial delay up to the maximum, drawn from the upper half. */
    private Duration reconnectDelay(int attempt) {
        long ceiling = reconnectInitialDelay.toNanos();
        for (int i = 1; i < attempt && ceiling < reconnectMaxDelay.toNanos(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, reconnectMaxDelay.toNanos());
        long half = ceiling / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }

    private HubSocket connectedSocket() {
        synchronized (lock) {
            return current != null && current.handshaken() ? current : null;
        }
    }

    private void onHandshake(HubSocket socket) {
        boolean reconnected;
        List<Map.Entry<Subscription, SubscriptionState>> toInvoke;
        synchronized (lock) {
            if (socket != current) {
                return;
            }
            socket.markHandshaken();
            failedAttempts = 0;
            reconnected = everConnected;
            everConnected = true;
            toInvoke = new ArrayList<>(subscriptions.entrySet());
            toInvoke.forEach(entry -> entry.getValue().cancelRetry());
        }
        log.info("{}: connected to {}{}", name, displayUrl(),
                toInvoke.isEmpty() ? "" : ", subscribing " + toInvoke.size() + " again");
        CompletableFuture<?>[] renewed = toInvoke.stream()
                .map(entry -> invokeSubscription(socket, entry.getKey(), entry.getValue()))
                .toArray(CompletableFuture[]::new);
        if (reconnected) {
            // Only once the hub has confirmed the subscriptions: a REST reconciliation started
            // then cannot miss an event that arrives between the two.
            CompletableFuture.allOf(renewed).whenComplete((ignored, failure) -> announceReconnect(socket));
        }
        firstConnected.complete(null);
    }

    private void announceReconnect(HubSocket socket) {
        synchronized (lock) {
            if (socket != current) {
                return;
            }
        }
        try {
            listener.onReconnected();
        } catch (RuntimeException e) {
            problems.report("listener failed on reconnect", e.toString());
        }
    }

    /** Invokes a subscription; the future completes (also exceptionally) once it is answered or timed out. */
    private CompletableFuture<JsonNode> invokeSubscription(HubSocket socket, Subscription subscription,
            SubscriptionState state) {
        CompletableFuture<JsonNode> answer = invokeOn(socket, subscription.target(), subscription.arguments());
        scheduleTimeout(answer, subscription);
        return answer.whenComplete((result, failure) -> settle(socket, subscription, state, result, failure));
    }

    /** An unanswered subscription fails after the subscribe timeout, like a refusal. */
    private void scheduleTimeout(CompletableFuture<JsonNode> answer, Subscription subscription) {
        if (answer.isDone()) {
            return;
        }
        try {
            ScheduledFuture<?> timeout = scheduler.schedule(() -> {
                String why = "no answer within " + subscribeTimeout.toMillis() + " ms";
                pending.values().removeIf(call -> call.answer() == answer);
                answer.completeExceptionally(new HubConnectionException(name + ": " + subscription + " got " + why, why));
            }, subscribeTimeout.toNanos(), TimeUnit.NANOSECONDS);
            answer.whenComplete((ignored, failure) -> timeout.cancel(false));
        } catch (RejectedExecutionException closing) {
            log.debug("{}: no timeout for {}, closing", name, subscription);
        }
    }

    /** Records how the hub answered a subscription; a refusal starts (or continues) an episode of retries. */
    private void settle(HubSocket socket, Subscription subscription, SubscriptionState state, JsonNode result,
            Throwable failure) {
        boolean firstRefusal = false;
        int refusedTimes = 0;
        Duration retryIn = null;
        String error = null;
        synchronized (lock) {
            boolean active = !closed && subscriptions.get(subscription) == state;
            if (failure == null) {
                if (active && socket == current) {
                    state.acceptedOn = socket;
                }
                refusedTimes = state.refusals;
                if (state.refusal != null) {
                    state.refusal = null;
                    state.refusals = 0;
                    state.refusedSince = null;
                } else {
                    refusedTimes = 0;
                }
            } else if (active && socket == current) {
                // Answered with an error (or not at all) on a live connection: a refusal. A lost
                // connection is not one; the reconnect invokes the subscription again.
                error = failure instanceof HubConnectionException hub && hub.hubError() != null
                        ? hub.hubError() : String.valueOf(failure.getMessage());
                firstRefusal = state.refusal == null;
                if (firstRefusal) {
                    state.refusedSince = Instant.now();
                }
                state.refusal = error;
                state.refusals++;
                refusedTimes = state.refusals;
                retryIn = reconnectDelay(state.refusals);
                scheduleRetry(socket, subscription, state, retryIn);
            }
        }
        if (failure == null) {
            if (refusedTimes > 0) {
                log.info("{}: {} accepted after {} refusal(s); its events flow again", name, subscription, refusedTimes);
            }
            state.firstAnswer.complete(result);
            return;
        }
        if (firstRefusal) {
            log.error("{}: {} refused: {}; its events do not arrive; invoking it again with backoff (next in {} ms)",
                    name, subscription, error, retryIn.toMillis());
        } else if (error != null) {
            log.debug("{}: {} refused again ({} times): {}; next in {} ms", name, subscription, refusedTimes, error,
                    retryIn.toMillis());
        }
        state.firstAnswer.completeExceptionally(failure);
    }

    /** Under {@code lock}. */
    private void scheduleRetry(HubSocket socket, Subscription subscription, SubscriptionState state, Duration delay) {
        state.cancelRetry();
        try {
            state.retry = scheduler.schedule(() -> {
                synchronized (lock) {
                    if (closed || socket != current || subscriptions.get(subscription) != state) {
                        return;
                    }
                    state.retry = null;
                }
                invokeSubscription(socket, subscription, state);
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            log.debug("{}: not retrying {}, closing", name, subscription);
        }
    }

    private CompletableFuture<JsonNode> invokeOn(HubSocket socket, String target, List<JsonNode> arguments) {
        String id = Long.toString(invocationIds.getAndIncrement());
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, new PendingCall(target, answer));
        if (!socket.send(HubProtocol.encode(new Invocation(id, target, arguments)))) {
            pending.remove(id);
            answer.completeExceptionally(new HubConnectionException(name + ": " + target + " could not be sent"));
        }
        return answer;
    }

    private void failPending(String reason) {
        for (String id : List.copyOf(pending.keySet())) {
            PendingCall call = pending.remove(id);
            if (call != null) {
                call.answer().completeExceptionally(
                        new HubConnectionException(name + ": " + call.target() + " got no answer: " + reason));
            }
        }
    }

    private void dispatch(HubSocket socket, String record) {
        if (!socket.handshaken()) {
            finishHandshake(socket, record);
            return;
        }
        HubMessage message;
        try {
            message = HubProtocol.decode(record);
        } catch (HubProtocolException e) {
            problems.report("malformed record: " + e.kind(), e.getMessage());
            return;
        }
        if (message instanceof Invocation event) {
            deliver(event);
        } else if (message instanceof Completion completion) {
            complete(completion);
        } else if (message instanceof Close close) {
            // Reconnect even without allowReconnect: a risk guard must not go blind, and the
            // backoff keeps the retries polite.
            lose(socket, "server sent close, error: " + close.error() + ", allowReconnect: " + close.allowReconnect());
        } else if (!(message instanceof Ping)) {
            problems.report("unexpected message type " + message.type(), record);
        }
    }

    private void finishHandshake(HubSocket socket, String record) {
        HandshakeResponse response;
        try {
            response = HubProtocol.decodeHandshakeResponse(record);
        } catch (HubProtocolException e) {
            if (e.kind() == HubProtocolException.Kind.MESSAGE_BEFORE_HANDSHAKE) {
                problems.report("message before the handshake answer", e.getMessage());
                return;
            }
            log.warn("{}: handshake answer unreadable ({}); reconnecting", name, e.getMessage());
            lose(socket, "bad handshake answer");
            return;
        }
        if (!response.accepted()) {
            log.error("{}: handshake refused by the server: {}; reconnecting", name, response.error());
            lose(socket, "handshake refused");
            return;
        }
        onHandshake(socket);
    }

    private void deliver(Invocation event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            problems.report("listener failed on " + event.target(), e.toString());
        }
    }

    private void complete(Completion completion) {
        PendingCall call = pending.remove(completion.invocationId());
        if (call == null) {
            problems.report("completion for an unknown invocation", "invocationId " + completion.invocationId());
        } else if (completion.failed()) {
            call.answer().completeExceptionally(new HubConnectionException(
                    name + ": " + call.target() + " failed: " + completion.error(), completion.error()));
        } else {
            call.answer().complete(completion.result() == null ? NullNode.getInstance() : completion.result());
        }
    }

    /** Gives up on a socket (once) and, unless closed, schedules the next attempt. */
    private void lose(HubSocket socket, String reason) {
        if (!socket.markLost()) {
            return;
        }
        synchronized (lock) {
            if (current == socket) {
                current = null;
            }
            if (socket.tokenRefused()) {
                refusedToken = socket.token();
            }
        }
        socket.abandon();
        failPending(reason);
        synchronized (lock) {
            if (closed) {
                return;
            }
        }
        if (socket.handshaken()) {
            log.warn("{}: connection lost ({})", name, reason);
        } else {
            log.warn("{}: connection attempt failed ({})", name, reason);
        }
        scheduleReconnect();
    }

    private String displayUrl() {
        return hubUrl.scheme() + "://" + hubUrl.host() + ":" + hubUrl.port() + hubUrl.encodedPath();
    }

    private record Subscription(String target, List<JsonNode> arguments) {
        String argumentText() {
            return arguments.isEmpty() ? null
                    : arguments.stream().map(JsonNode::asText).collect(Collectors.joining(", "));
        }

        @Override
        public String toString() {
            return target + "(" + (arguments.isEmpty() ? "" : argumentText()) + ")";
        }
    }

    /** How the hub last answered a subscription; guarded by {@code lock}. */
    private static final class SubscriptionState {
        final CompletableFuture<JsonNode> firstAnswer = new CompletableFuture<>();
        /** The connection on which the hub accepted it; another (or null) means not confirmed now. */
        HubSocket acceptedOn;
        /** The hub's message while refused, null otherwise. */
        String refusal;
        int refusals;
        Instant refusedSince;
        ScheduledFuture<?> retry;

        void cancelRetry() {
            if (retry != null) {
                retry.cancel(false);
                retry = null;
            }
        }
    }

    private record PendingCall(String target, CompletableFuture<JsonNode> answer) {
    }

    /** Settings of a {@link HubConnection}; defaults follow the SignalR client's. */
    public static final class Builder {
        private final HttpUrl hubUrl;
        private final Supplier<String> accessToken;
        private UnaryOperator<String> renewRejectedToken;
        private String name = "hub";
        private Listener listener;
        private Duration pingInterval = Duration.ofSeconds(15);
        private Duration serverTimeout = Duration.ofSeconds(30);
        private Duration reconnectInitialDelay = Duration.ofSeconds(1);
        private Duration reconnectMaxDelay = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration subscribeTimeout = Duration.ofSeconds(10);

        private Builder(String hubUrl, Supplier<String> accessToken) {
            String httpForm = Objects.requireNonNull(hubUrl, "hubUrl").replaceFirst("^(?i)ws(s?)://", "http$1://");
            HttpUrl parsed = HttpUrl.parse(httpForm);
            if (parsed == null) {
                throw new IllegalArgumentException("hub URL is not an http(s) or ws(s) URL: " + hubUrl);
            }
            this.hubUrl = parsed;
            this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
        }

        /**
         * Asked, with the refused token, for a new one after the hub refused the upgrade with
         * HTTP 401 (a 401 means log in again). Without it the access token supplier is asked again,
         * which may well give the refused token back.
         */
        public Builder renewRejectedToken(UnaryOperator<String> renewRejectedToken) {
            this.renewRejectedToken = renewRejectedToken;
            return this;
        }

        /** Used in log lines, e.g. "user hub". */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder listener(Listener listener) {
            this.listener = listener;
            return this;
        }

        /** How often to ping while nothing else was sent. */
        public Builder pingInterval(Duration pingInterval) {
            this.pingInterval = pingInterval;
            return this;
        }

        /** Silence after which the server is taken for gone. */
        public Builder serverTimeout(Duration serverTimeout) {
            this.serverTimeout = serverTimeout;
            return this;
        }

        /** Backoff between connection attempts: grows from the first to the maximum, jittered. */
        public Builder reconnectDelay(Duration initial, Duration max) {
            this.reconnectInitialDelay = initial;
            this.reconnectMaxDelay = max;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** How long a subscription may go unanswered before it counts as refused (and is invoked again). */
        public Builder subscribeTimeout(Duration subscribeTimeout) {
            this.subscribeTimeout = subscribeTimeout;
            return this;
        }

        /** A connection not yet started; see {@link HubConnection#start()}. */
        public HubConnection build() {
            return new HubConnection(this);
        }
    }
}
