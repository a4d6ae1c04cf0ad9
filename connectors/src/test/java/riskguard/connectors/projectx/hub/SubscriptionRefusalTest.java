package riskguard.connectors.projectx.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import riskguard.connectors.projectx.model.Quote;
import riskguard.connectors.projectx.model.Trade;
import riskguard.connectors.projectx.rest.ProjectXRestClient;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.Hub;
import riskguard.connectors.testing.CapturedLogs;
import riskguard.connectors.testing.HubCallbacks;

/** A subscription the gateway refuses, over real sockets against the simulator. */
class SubscriptionRefusalTest {

    private static final long ACCOUNT = 536;
    private static final String REFUSAL = "trades of account 536 are not available right now";

    private final List<Object> events = new CopyOnWriteArrayList<>();
    private GatewaySimulator sim;
    private ProjectXRestClient rest;
    private AutoCloseable hub;

    @BeforeEach
    void start() throws Exception {
        sim = GatewaySimulator.builder().startPaused(true).quoteInterval(Duration.ZERO).start();
        sim.market().setPrice(ContractCatalogue.MNQ, 21_000.00);
        sim.market().setPrice(ContractCatalogue.ES, 5_800.00);
        rest = ProjectXRestClient.builder(sim.restUrl(), GatewaySimulator.DEMO_USER, GatewaySimulator.DEMO_API_KEY)
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        rest.close();
        sim.close();
    }

    private HubConnection.Builder connection(Hub which) {
        return HubConnection.builder(sim.hubUrl(which), rest::accessToken)
                .reconnectDelay(Duration.ofMillis(100), Duration.ofMillis(400));
    }

    @Test
    void aRefusedSubscriptionIsAProblemNamingItRetriedWithBackoffUntilTheHubAcceptsIt() throws Exception {
        sim.refuseSubscription("SubscribeTrades", Long.toString(ACCOUNT), REFUSAL);
        try (CapturedLogs logs = new CapturedLogs()) {
            UserHub userHub = new UserHub(connection(Hub.USER), new HubCallbacks(events));
            hub = userHub;
            userHub.start().get(10, TimeUnit.SECONDS);

            assertThatThrownBy(() -> userHub.subscribeAccount(ACCOUNT).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("SubscribeTrades")
                    .hasMessageContaining(REFUSAL);
            assertThat(userHub.connection().subscriptionsConfirmed()).isFalse();
            assertThat(userHub.connection().subscriptionProblems()).singleElement().satisfies(problem -> {
                assertThat(problem.hub()).isEqualTo("user hub");
                assertThat(problem.subscription()).isEqualTo("SubscribeTrades(536)");
                assertThat(problem.error()).contains("Failed to invoke 'SubscribeTrades'").contains(REFUSAL);
                assertThat(problem.describe()).startsWith("user hub refused SubscribeTrades(536): ");
            });

            until("the hub was asked three more times", () -> sim.refusedSubscriptions() >= 4);
            assertThat(userHub.connection().subscriptionProblems()).singleElement()
                    .satisfies(problem -> assertThat(problem.attempts()).isGreaterThanOrEqualTo(4));
            assertThat(logs.lines()).as("one log line per episode, not per retry")
                    .filteredOn(line -> line.startsWith("ERROR") && line.contains("SubscribeTrades(536) refused"))
                    .hasSize(1);

            sim.acceptSubscriptions();
            until("the hub accepted the subscription", () -> userHub.connection().subscriptionsConfirmed());
            assertThat(userHub.connection().subscriptionProblems()).isEmpty();
            // the connection logs the end of the episode after it has marked the subscription accepted
            until("the end of the refusals was logged",
                    () -> logs.lines().stream().anyMatch(line -> line.contains("SubscribeTrades(536) accepted after")));

            sim.trader(ACCOUNT).buyMarket(ContractCatalogue.MNQ, 1);
            until("the trade arrived", () -> events.stream().anyMatch(Trade.class::isInstance));
        }
    }

    @Test
    void aRefusedQuoteSubscriptionConcernsOnlyItsContract() throws Exception {
        sim.refuseSubscription("SubscribeContractQuotes", ContractCatalogue.MNQ, "no market data for MNQ");
        MarketHub marketHub = new MarketHub(connection(Hub.MARKET), new HubCallbacks(events));
        hub = marketHub;
        marketHub.start().get(10, TimeUnit.SECONDS);

        marketHub.subscribeQuotes(ContractCatalogue.ES).get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> marketHub.subscribeQuotes(ContractCatalogue.MNQ).get(10, TimeUnit.SECONDS))
                .hasMessageContaining("no market data for MNQ");
        until("ES quotes arrive", () -> events.stream().anyMatch(Quote.class::isInstance));
        assertThat(marketHub.connection().subscriptionProblems()).singleElement()
                .satisfies(problem -> assertThat(problem.subscription())
                        .isEqualTo("SubscribeContractQuotes(" + ContractCatalogue.MNQ + ")"));

        sim.acceptSubscriptions();
        until("the hub accepted MNQ quotes", () -> marketHub.connection().subscriptionsConfirmed());
        assertThat(marketHub.connection().subscriptionProblems()).isEmpty();
    }

    private static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
