package riskguard.connectors.bench;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import riskguard.connectors.projectx.hub.HubConnection;
import riskguard.connectors.projectx.hub.MarketHub;
import riskguard.connectors.projectx.hub.MarketHubListener;
import riskguard.connectors.projectx.model.Quote;
import riskguard.connectors.projectx.rest.ProjectXRestClient;
import riskguard.connectors.sim.ContractCatalogue;
import riskguard.connectors.sim.GatewaySimulator;
import riskguard.connectors.sim.Hub;

/**
 * Latency of the clients against the local gateway simulator on loopback: the REST round trip
 * ({@code openPositions}: client call → simulator → parsed answer) and the hub event path
 * (simulator publishes a quote → typed {@code onQuote} callback in the client). Prints p50/p99.
 * Not a test; run it by hand:
 *
 * <pre>
 * mvn -q -o -pl connectors test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp connectors/target/classes:connectors/target/test-classes:$(cat /tmp/cp.txt) \
 *     riskguard.connectors.bench.ClientLatencyBench [samples]
 * </pre>
 */
public final class ClientLatencyBench {

    private static final long ACCOUNT = 536;
    private static final String CONTRACT = ContractCatalogue.MNQ;

    private ClientLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int warmup = Math.max(1_000, samples / 5);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("riskguard")).setLevel(Level.WARN);
        try (GatewaySimulator sim = GatewaySimulator.builder()
                        .startPaused(true).quoteInterval(Duration.ZERO).rateLimit(false).start();
                ProjectXRestClient rest = ProjectXRestClient
                        .builder(sim.restUrl(), GatewaySimulator.DEMO_USER, GatewaySimulator.DEMO_API_KEY)
                        .rateLimit(Integer.MAX_VALUE, Duration.ofSeconds(60))
                        .build()) {
            sim.market().setPrice(CONTRACT, 21000.00);
            sim.trader(ACCOUNT).buyMarket(CONTRACT, 1);
            restRoundTrips(rest, warmup);
            report("REST round trip (openPositions)", restRoundTrips(rest, samples));
            try (QuoteProbe probe = new QuoteProbe(sim, rest)) {
                probe.measure(warmup);
                report("hub event (quote publish -> onQuote)", probe.measure(samples));
            }
        }
    }

    private static long[] restRoundTrips(ProjectXRestClient rest, int count) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            rest.openPositions(ACCOUNT);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-40s n=%d  p50=%7.1f us  p99=%7.1f us  max=%8.1f us%n", what, sorted.length,
                micros(sorted[sorted.length / 2]), micros(sorted[(int) (sorted.length * 0.99)]),
                micros(sorted[sorted.length - 1]));
    }

    private static double micros(long nanos) {
        return nanos / 1_000.0;
    }

    /** Moves the price and waits for the client to see exactly that price. */
    private static final class QuoteProbe implements AutoCloseable {
        private final GatewaySimulator sim;
        private final MarketHub hub;
        private final BlockingQueue<Long> seenAt = new LinkedBlockingQueue<>();
        private volatile double awaitedPrice = Double.NaN;
        private double price = 21000.00;

        QuoteProbe(GatewaySimulator sim, ProjectXRestClient rest) throws Exception {
            this.sim = sim;
            this.hub = new MarketHub(HubConnection.builder(sim.hubUrl(Hub.MARKET), rest::accessToken),
                    new MarketHubListener() {
                        @Override
                        public void onQuote(String contractId, Quote quote) {
                            if (quote.lastPrice() != null && quote.lastPrice() == awaitedPrice) {
                                seenAt.add(System.nanoTime());
                            }
                        }
                    });
            hub.start().get(5, TimeUnit.SECONDS);
            hub.subscribeQuotes(CONTRACT).get(5, TimeUnit.SECONDS);
        }

        long[] measure(int count) throws InterruptedException {
            long[] nanos = new long[count];
            for (int i = 0; i < count; i++) {
                price = price == 21000.00 ? 21000.25 : 21000.00;
                awaitedPrice = price;
                long start = System.nanoTime();
                sim.market().setPrice(CONTRACT, price);
                Long seen = seenAt.poll(5, TimeUnit.SECONDS);
                if (seen == null) {
                    throw new IllegalStateException("quote " + price + " never reached the client (sample " + i + ")");
                }
                nanos[i] = seen - start;
            }
            return nanos;
        }

        @Override
        public void close() {
            hub.close();
        }
    }
}
