package riskguard.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import riskguard.connectors.sim.GatewaySimulator;

/**
 * A hub access token travels in the upgrade URL ({@code ?access_token=…}). Failed upgrades that
 * carry a valid token against the simulator (which the simulator and demo commands run in the
 * riskguard JVM): at the levels riskguard ships, no log line holds the token; with Jetty turned
 * up to DEBUG its lines do, and riskguard's log layouts (stderr, the daemon's and the demo's
 * files) mask it.
 */
class SecretsInLogsTest {

  private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Logger jetty = context.getLogger("org.eclipse.jetty");
  private final Logger riskguard = context.getLogger("riskguard");
  private final Level jettyLevel = jetty.getLevel();
  private final Level riskguardLevel = riskguard.getLevel();
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private GatewaySimulator sim;
  private String token;

  @BeforeEach
  void start() throws Exception {
    sim = SimulatorFixture.start(0);
    token = login();
    riskguard.setLevel(Level.DEBUG);
    captured.setContext(context);
    captured.start();
    root.addAppender(captured);
  }

  @AfterEach
  void stop() {
    root.detachAppender(captured);
    jetty.setLevel(jettyLevel);
    riskguard.setLevel(riskguardLevel);
    sim.close();
  }

  @Test
  void atTheShippedLevelsNoLineOfAFailedUpgradeHoldsTheToken() throws IOException {
    failedUpgrades();
    send("GET /hubs/user?access_token=forged HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + KEY + "\r\n\r\n");

    assertThat(messages()).as("what was logged")
        .anyMatch(line -> line.contains("refused a connection without a valid access_token"))
        .noneMatch(line -> line.contains(token));
  }

  @Test
  void withJettyAtDebugItsLinesHoldTheTokenAndEveryRiskguardLayoutMasksIt() throws Exception {
    jetty.setLevel(Level.DEBUG);
    failedUpgrades();
    jetty.setLevel(jettyLevel);

    assertThat(messages()).as("Jetty's DEBUG lines name the request URL").anyMatch(line -> line.contains(token));
    for (Encoder<ILoggingEvent> layout : List.of(encoder(LogLayout.FILE), shippedStderrEncoder())) {
      String written = write(layout);
      assertThat(written).contains("access_token=***").doesNotContain(token);
    }
  }

  /** The upgrades a broken or hostile client might send, each carrying the valid token. */
  private void failedUpgrades() throws IOException {
    String user = "/hubs/user?access_token=" + token;
    String upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\n";
    send("GET " + user + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + upgrade + "Sec-WebSocket-Version: 99\r\nSec-WebSocket-Key: " + KEY + "\r\n\r\n");
    send("GET " + user + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + upgrade + "Sec-WebSocket-Version: 13\r\n\r\n");
    send("GET " + user + "&x=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n" + upgrade + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + KEY + "\r\n\r\n");
    send("GET /hubs/nowhere?access_token=" + token + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + upgrade + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + KEY + "\r\n\r\n");
    send("POST " + user + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n");
    send("GET " + user + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + upgrade + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + KEY
        + "\r\n\r\n\u0081\u00ff");
  }

  /** Sends one raw request and reads the first answer, so the server has handled it. */
  private void send(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", sim.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      assertThat(in.read(new byte[512])).as("an answer to " + request.lines().findFirst().orElse("")).isPositive();
    }
  }

  private List<String> messages() {
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(captured.list)) {
      StringBuilder line = new StringBuilder(event.getFormattedMessage());
      for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
        line.append(" | ").append(cause.getMessage());
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private String write(Encoder<ILoggingEvent> layout) {
    StringBuilder text = new StringBuilder();
    for (ILoggingEvent event : List.copyOf(captured.list)) {
      text.append(new String(layout.encode(event), StandardCharsets.UTF_8));
    }
    return text.toString();
  }

  private PatternLayoutEncoder encoder(String pattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.start();
    return encoder;
  }

  /** The stderr encoder of the logback.xml riskguard ships (tests run with logback-test.xml). */
  @SuppressWarnings("unchecked")
  private static Encoder<ILoggingEvent> shippedStderrEncoder() throws JoranException {
    LoggerContext shipped = new LoggerContext();
    JoranConfigurator joran = new JoranConfigurator();
    joran.setContext(shipped);
    joran.doConfigure(SecretsInLogsTest.class.getResource("/logback.xml"));
    OutputStreamAppender<ILoggingEvent> stderr =
        (OutputStreamAppender<ILoggingEvent>) shipped.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    return stderr.getEncoder();
  }

  private String login() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(sim.restUrl() + "/api/Auth/loginKey"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"" + GatewaySimulator.DEMO_USER
                + "\",\"apiKey\":\"" + GatewaySimulator.DEMO_API_KEY + "\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    String token = new ObjectMapper().readTree(answer.body()).path("token").asText();
    assertThat(token).as(answer.body()).isNotEmpty();
    return token;
  }
}
