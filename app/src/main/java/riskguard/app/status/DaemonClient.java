package riskguard.app.status;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import riskguard.app.daemon.DaemonEndpoint;
import riskguard.app.daemon.StatusDocument;
import riskguard.app.daemon.StatusJson;

/** Asks a running daemon for its status over loopback HTTP. */
final class DaemonClient {

  private static final Duration PATIENCE = Duration.ofSeconds(3);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();

  /**
   * {@code GET /status} of the daemon.
   *
   * @throws IOException naming the URL when it does not answer, or answers something else
   */
  StatusDocument status(DaemonEndpoint endpoint) throws IOException, InterruptedException {
    var url = endpoint.resolve("/status");
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(url).timeout(PATIENCE).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IOException(url + " does not answer: " + describe(e), e);
    }
    if (response.statusCode() != 200) {
      throw new IOException(url + " answered HTTP " + response.statusCode() + ": " + response.body());
    }
    try {
      return StatusJson.mapper().readValue(response.body(), StatusDocument.class);
    } catch (IOException e) {
      throw new IOException(url + " answered what is not a riskguard status: " + e.getMessage(), e);
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
