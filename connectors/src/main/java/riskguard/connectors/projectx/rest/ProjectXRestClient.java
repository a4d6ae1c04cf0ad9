package riskguard.connectors.projectx.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import riskguard.connectors.projectx.model.Account;
import riskguard.connectors.projectx.model.AccountIdRequest;
import riskguard.connectors.projectx.model.AccountSearchRequest;
import riskguard.connectors.projectx.model.AccountSearchResponse;
import riskguard.connectors.projectx.model.Bar;
import riskguard.connectors.projectx.model.CancelOrderRequest;
import riskguard.connectors.projectx.model.CloseContractRequest;
import riskguard.connectors.projectx.model.Contract;
import riskguard.connectors.projectx.model.ContractByIdRequest;
import riskguard.connectors.projectx.model.ContractByIdResponse;
import riskguard.connectors.projectx.model.ContractSearchRequest;
import riskguard.connectors.projectx.model.ContractSearchResponse;
import riskguard.connectors.projectx.model.GatewayResponse;
import riskguard.connectors.projectx.model.HistorySearchRequest;
import riskguard.connectors.projectx.model.ModifyOrderRequest;
import riskguard.connectors.projectx.model.Order;
import riskguard.connectors.projectx.model.OrderSide;
import riskguard.connectors.projectx.model.OrderSearchResponse;
import riskguard.connectors.projectx.model.PartialCloseContractRequest;
import riskguard.connectors.projectx.model.PlaceOrderRequest;
import riskguard.connectors.projectx.model.PlaceOrderResponse;
import riskguard.connectors.projectx.model.Position;
import riskguard.connectors.projectx.model.PositionSearchResponse;
import riskguard.connectors.projectx.model.ProjectXJson;
import riskguard.connectors.projectx.model.RetrieveBarsRequest;
import riskguard.connectors.projectx.model.RetrieveBarsResponse;
import riskguard.connectors.projectx.model.StatusResponse;
import riskguard.connectors.projectx.model.Trade;
import riskguard.connectors.projectx.model.TradeSearchResponse;

/**
 * Client of the ProjectX Gateway REST API. Thread-safe; share one per user. Every method either
 * returns the gateway's successful answer or throws a {@link ProjectXException}:
 * {@link ProjectXApiException} when the gateway refused, {@link ProjectXTransportException} when no
 * usable answer came.
 *
 * <p>The token lives in memory only. Reads are retried freely; commands are repeated only after
 * checking that the first attempt did not already take effect (see each command).
 */
public final class ProjectXRestClient implements Closeable {

    /**
     * How much earlier than the first attempt, by this machine's clock, the gateway may have
     * stamped the order it placed: an order created before that cannot be the attempt's.
     */
    private static final Duration PLACED_ORDER_CLOCK_SKEW = Duration.ofSeconds(10);

    private final OkHttpClient http;
    private final GatewayCaller caller;
    private final TokenKeeper tokens;
    private final TimeSource time;

    private ProjectXRestClient(Builder builder) {
        this.time = builder.time;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(builder.connectTimeout)
                .readTimeout(builder.callTimeout)
                .writeTimeout(builder.callTimeout)
                .callTimeout(builder.callTimeout)
                .connectionPool(new ConnectionPool(4, 20, TimeUnit.SECONDS))
                .retryOnConnectionFailure(false)
                .build();
        Redactor redactor = new Redactor(builder.apiKey);
        ObjectMapper json = ProjectXJson.newMapper();
        this.caller = new GatewayCaller(http, builder.baseUrl, json,
                new RateLimiter(builder.requestsPerWindow, builder.rateWindow, time),
                new RateLimiter(builder.barsRequestsPerWindow, builder.barsRateWindow, time),
                builder.retryPolicy, time, builder.random, redactor);
        this.tokens = new TokenKeeper(caller, builder.userName, builder.apiKey, builder.tokenRefreshAfter, time,
                redactor);
    }

    /**
     * @param baseUrl REST root, e.g. {@code https://api.topstepx.com} or a local simulator
     */
    public static Builder builder(String baseUrl, String userName, String apiKey) {
        return new Builder(baseUrl, userName, apiKey);
    }

    /**
     * A valid session token (logging in or refreshing first if needed), for the hubs'
     * {@code access_token}. Keep it in memory only.
     */
    public String accessToken() {
        return tokens.token();
    }

    /**
     * A token in place of {@code rejected}, which a hub refused with HTTP 401 (a 401 means log in
     * again): logs in again, unless another caller already replaced that token.
     */
    public String renewAccessToken(String rejected) {
        return tokens.renewAfterRejection(rejected);
    }

    /**
     * Builds the JSON writers and readers of the commands an enforcement sends (close, partial
     * close, cancel, place, modify) now, without calling the gateway, so that the first
     * enforcement does not wait for them.
     */
    public void prepareCommands() {
        caller.prepare(new CloseContractRequest(0, ""), StatusResponse.class);
        caller.prepare(new PartialCloseContractRequest(0, "", 1), StatusResponse.class);
        caller.prepare(new CancelOrderRequest(0, 0), StatusResponse.class);
        caller.prepare(PlaceOrderRequest.stop(0, "", OrderSide.ASK, 1, 1.0).withCustomTag(""), PlaceOrderResponse.class);
        caller.prepare(new ModifyOrderRequest(0, 0, null, null, 1.0, null), StatusResponse.class);
    }

    public List<Account> searchAccounts(boolean onlyActiveAccounts) {
        return listOrEmpty(call(Endpoint.ACCOUNT_SEARCH, null, new AccountSearchRequest(onlyActiveAccounts),
                AccountSearchResponse.class).accounts());
    }

    /**
     * The contract, or empty when the gateway answers successfully without one. For an id it does
     * not know the gateway may also refuse ({@code success: false}; the simulator answers {@code
     * errorCode 1}): that is a {@link ProjectXApiException}, which callers should take as "unknown"
     * too, unlike a {@link ProjectXTransportException}.
     */
    public Optional<Contract> contractById(String contractId) {
        return Optional.ofNullable(call(Endpoint.CONTRACT_SEARCH_BY_ID, null, new ContractByIdRequest(contractId),
                ContractByIdResponse.class).contract());
    }

    /** Up to 20 contracts matching {@code searchText}; {@code live} for live rather than simulated data. */
    public List<Contract> searchContracts(String searchText, boolean live) {
        return listOrEmpty(call(Endpoint.CONTRACT_SEARCH, null, new ContractSearchRequest(searchText, live),
                ContractSearchResponse.class).contracts());
    }

    public List<Position> openPositions(long accountId) {
        return listOrEmpty(call(Endpoint.POSITION_SEARCH_OPEN, accountId, new AccountIdRequest(accountId),
                PositionSearchResponse.class).positions());
    }

    public List<Order> openOrders(long accountId) {
        return listOrEmpty(call(Endpoint.ORDER_SEARCH_OPEN, accountId, new AccountIdRequest(accountId),
                OrderSearchResponse.class).orders());
    }

    /** Orders created from {@code start} to {@code end}; a null end means until now. */
    public List<Order> searchOrders(long accountId, OffsetDateTime start, OffsetDateTime end) {
        return listOrEmpty(call(Endpoint.ORDER_SEARCH, accountId, new HistorySearchRequest(accountId, start, end),
                OrderSearchResponse.class).orders());
    }

    /** Fills from {@code start} to {@code end}; a null end means until now. */
    public List<Trade> searchTrades(long accountId, OffsetDateTime start, OffsetDateTime end) {
        return listOrEmpty(call(Endpoint.TRADE_SEARCH, accountId, new HistorySearchRequest(accountId, start, end),
                TradeSearchResponse.class).trades());
    }

    /** History bars; paced against the gateway's separate, tighter bars budget. */
    public List<Bar> retrieveBars(RetrieveBarsRequest request) {
        return listOrEmpty(call(Endpoint.HISTORY_RETRIEVE_BARS, null, request, RetrieveBarsResponse.class).bars());
    }

    /**
     * Flattens the account's position in the contract. A position that is already flat counts as
     * closed, also when the gateway refuses because there is nothing to close.
     */
    public void closePosition(long accountId, String contractId) {
        RepeatGuard<StatusResponse> flat = new RepeatGuard<>() {
            @Override
            public Optional<StatusResponse> alreadyDone() {
                return positionSize(accountId, contractId) == 0 ? Optional.of(StatusResponse.ok()) : Optional.empty();
            }

            @Override
            public Optional<StatusResponse> doneDespiteRefusal(boolean afterUnknownOutcome) {
                return alreadyDone();
            }
        };
        caller.call(Endpoint.POSITION_CLOSE_CONTRACT, accountId, new CloseContractRequest(accountId, contractId),
                StatusResponse.class, tokens, flat);
    }

    /**
     * Reduces the position by {@code size} contracts. Reads the position first, so that a repeat
     * after a lost answer can tell whether the reduction already happened.
     */
    public void partialClosePosition(long accountId, String contractId, int size) {
        int before = positionSize(accountId, contractId);
        RepeatGuard<StatusResponse> reduced = new RepeatGuard<>() {
            @Override
            public Optional<StatusResponse> alreadyDone() {
                return positionSize(accountId, contractId) <= before - size
                        ? Optional.of(StatusResponse.ok())
                        : Optional.empty();
            }

            @Override
            public Optional<StatusResponse> doneDespiteRefusal(boolean afterUnknownOutcome) {
                return afterUnknownOutcome ? alreadyDone() : Optional.empty();
            }
        };
        caller.call(Endpoint.POSITION_PARTIAL_CLOSE_CONTRACT, accountId,
                new PartialCloseContractRequest(accountId, contractId, size), StatusResponse.class, tokens, reduced);
    }

    /**
     * Places an order and returns its id. An order without a {@code customTag} gets a unique one,
     * and the gateway refuses a second order with the same tag, so repeating the call after a lost
     * answer cannot place the order twice. The order searches do not show the tag, so before
     * repeating, the client looks for the order by what it asked for: the contract, type, side,
     * size and prices, created since just before the first attempt. Exactly one such order is
     * taken as the one placed; none, or several, and the call is repeated. When that repeat is
     * refused, the order may well exist: the refusal says so, and that the account's orders must
     * be checked, rather than place again.
     */
    public long placeOrder(PlaceOrderRequest request) {
        PlaceOrderRequest tagged = request.customTag() != null
                ? request
                : request.withCustomTag("rg-" + UUID.randomUUID());
        long accountId = tagged.accountId();
        OffsetDateTime searchFrom = time.now().minus(PLACED_ORDER_CLOCK_SKEW).atOffset(ZoneOffset.UTC);
        boolean[] answerLost = {false};
        RepeatGuard<PlaceOrderResponse> placedOnce = new RepeatGuard<>() {
            @Override
            public Optional<PlaceOrderResponse> alreadyDone() {
                answerLost[0] = true;
                List<Order> placed = searchOrders(accountId, searchFrom, null).stream()
                        .filter(order -> placedBy(tagged, order, searchFrom))
                        .toList();
                Optional<Order> byTag = placed.stream()
                        .filter(order -> tagged.customTag().equals(order.customTag()))
                        .findFirst();
                Optional<Order> found = byTag.isPresent() ? byTag
                        : placed.size() == 1 ? Optional.of(placed.get(0)) : Optional.empty();
                return found.map(order -> new PlaceOrderResponse(order.id(), true, 0, null));
            }

            @Override
            public Optional<PlaceOrderResponse> doneDespiteRefusal(boolean afterUnknownOutcome) {
                return afterUnknownOutcome ? alreadyDone() : Optional.empty();
            }
        };
        PlaceOrderResponse answer;
        try {
            answer = caller.call(Endpoint.ORDER_PLACE, accountId, tagged, PlaceOrderResponse.class, tokens,
                    placedOnce);
        } catch (ProjectXApiException refused) {
            if (!answerLost[0]) {
                throw refused;
            }
            throw new ProjectXApiException(Endpoint.ORDER_PLACE.path(), accountId, refused.httpStatus(),
                    refused.errorCode(), "the order (" + describe(tagged) + ", customTag " + tagged.customTag()
                    + ") may have been placed by an attempt whose answer was lost, and the orders found do not"
                    + " tell which one it is; check the account's orders before placing it again. The repeat"
                    + " was refused: " + refused.errorMessage());
        }
        if (answer.orderId() == null) {
            throw new ProjectXTransportException(Endpoint.ORDER_PLACE.path(), accountId,
                    "answer reports success without an orderId (customTag " + tagged.customTag() + ")", null);
        }
        return answer.orderId();
    }

    /**
     * Whether {@code order} may be the one {@code request} placed: the tag, when the answer shows
     * one, is the request's; contract, type, side, size and prices are the request's; and it was
     * created no earlier than {@code from}.
     */
    private static boolean placedBy(PlaceOrderRequest request, Order order, OffsetDateTime from) {
        if (order.customTag() != null) {
            return order.customTag().equals(request.customTag());
        }
        return request.contractId().equals(order.contractId())
                && request.type() == order.type()
                && request.side() == order.side()
                && request.size() == order.size()
                && samePrice(request.stopPrice(), order.stopPrice())
                && samePrice(request.limitPrice(), order.limitPrice())
                && order.creationTimestamp() != null
                && !order.creationTimestamp().isBefore(from);
    }

    private static boolean samePrice(Double asked, Double found) {
        return asked == null || (found != null && Math.abs(asked - found) < 1e-9);
    }

    private static String describe(PlaceOrderRequest request) {
        return request.type() + " " + request.side() + " " + request.size() + " " + request.contractId()
                + (request.stopPrice() == null ? "" : " stop " + request.stopPrice())
                + (request.limitPrice() == null ? "" : " limit " + request.limitPrice());
    }

    /** Changes an open order; the request sets absolute values, so repeating it is harmless. */
    public void modifyOrder(ModifyOrderRequest request) {
        call(Endpoint.ORDER_MODIFY, request.accountId(), request, StatusResponse.class);
    }

    /**
     * Cancels an order. An order that is no longer open (cancelled, filled, expired) counts as
     * cancelled, also when the gateway refuses because of that.
     */
    public void cancelOrder(long accountId, long orderId) {
        RepeatGuard<StatusResponse> gone = new RepeatGuard<>() {
            @Override
            public Optional<StatusResponse> alreadyDone() {
                boolean open = openOrders(accountId).stream().anyMatch(order -> order.id() == orderId);
                return open ? Optional.empty() : Optional.of(StatusResponse.ok());
            }

            @Override
            public Optional<StatusResponse> doneDespiteRefusal(boolean afterUnknownOutcome) {
                return alreadyDone();
            }
        };
        caller.call(Endpoint.ORDER_CANCEL, accountId, new CancelOrderRequest(accountId, orderId),
                StatusResponse.class, tokens, gone);
    }

    /** Stops OkHttp's threads and drops pooled connections. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private int positionSize(long accountId, String contractId) {
        return openPositions(accountId).stream()
                .filter(position -> contractId.equals(position.contractId()))
                .mapToInt(Position::size)
                .sum();
    }

    private <T extends GatewayResponse> T call(Endpoint endpoint, Long accountId,
            Object body, Class<T> answerType) {
        return caller.call(endpoint, accountId, body, answerType, tokens, RepeatGuard.idempotent());
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Settings of a {@link ProjectXRestClient}; the defaults suit the real gateway. */
    public static final class Builder {
        private final HttpUrl baseUrl;
        private final String userName;
        private final String apiKey;
        private TimeSource time = TimeSource.system();
        private RandomGenerator random = RandomGenerator.getDefault();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration callTimeout = Duration.ofSeconds(20);
        private Duration tokenRefreshAfter = Duration.ofHours(12);
        private int requestsPerWindow = 190;
        private Duration rateWindow = Duration.ofSeconds(60);
        private int barsRequestsPerWindow = 45;
        private Duration barsRateWindow = Duration.ofSeconds(30);

        private Builder(String baseUrl, String userName, String apiKey) {
            HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
            if (parsed == null) {
                throw new IllegalArgumentException("REST base URL is not an http(s) URL: " + baseUrl);
            }
            this.baseUrl = parsed;
            this.userName = Objects.requireNonNull(userName, "userName");
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        }

        public Builder timeSource(TimeSource time) {
            this.time = time;
            return this;
        }

        /** Source of the backoff jitter. */
        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Longest one HTTP exchange may take, connecting, writing and reading included. */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
            return this;
        }

        /** Age at which the token is swapped for a fresh one; tokens live 24 h. */
        public Builder tokenRefreshAfter(Duration tokenRefreshAfter) {
            this.tokenRefreshAfter = tokenRefreshAfter;
            return this;
        }

        /** Client-side budget for all endpoints but bars (the gateway allows 200 per 60 s). */
        public Builder rateLimit(int requests, Duration window) {
            this.requestsPerWindow = requests;
            this.rateWindow = window;
            return this;
        }

        /** Client-side budget for {@code retrieveBars} (the gateway allows 50 per 30 s). */
        public Builder barsRateLimit(int requests, Duration window) {
            this.barsRequestsPerWindow = requests;
            this.barsRateWindow = window;
            return this;
        }

        public ProjectXRestClient build() {
            return new ProjectXRestClient(this);
        }
    }
}
