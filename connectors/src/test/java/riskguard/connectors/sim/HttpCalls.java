package riskguard.connectors.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Plain OkHttp calls to a simulator, for tests: what a REST client would send, nothing more. */
final class HttpCalls implements AutoCloseable {

  private static final MediaType JSON = MediaType.get("application/json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  record Answer(int status, String text, String retryAfter) {
    JsonNode json() {
      try {
        return MAPPER.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + text, e);
      }
    }
  }

  final OkHttpClient client = new OkHttpClient();
  private final String baseUrl;

  HttpCalls(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  Answer post(String path, String body, String token) {
    Request.Builder request = new Request.Builder().url(baseUrl + path).post(RequestBody.create(body, JSON));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return execute(request.build());
  }

  Answer get(String path) {
    return execute(new Request.Builder().url(baseUrl + path).get().build());
  }

  Answer delete(String path) {
    return execute(new Request.Builder().url(baseUrl + path).delete().build());
  }

  String login(String user, String apiKey) {
    Answer answer = post("/api/Auth/loginKey", "{\"userName\":\"" + user + "\",\"apiKey\":\"" + apiKey + "\"}", null);
    if (!answer.json().path("success").asBoolean()) {
      throw new IllegalStateException("login failed: " + answer.text());
    }
    return answer.json().get("token").asText();
  }

  private Answer execute(Request request) {
    try (Response response = client.newCall(request).execute()) {
      return new Answer(response.code(), response.body().string(), response.header("Retry-After"));
    } catch (IOException e) {
      throw new UncheckedIOException(request.url() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
