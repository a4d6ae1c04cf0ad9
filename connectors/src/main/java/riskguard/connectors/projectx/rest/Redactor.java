package riskguard.connectors.projectx.rest;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Removes the API key and recent tokens from text that came from outside (gateway error messages,
 * I/O errors) before it reaches an exception or a log line.
 */
final class Redactor {

    private static final int REMEMBERED_TOKENS = 8;

    private final String apiKey;
    private final Set<String> tokens = new CopyOnWriteArraySet<>();

    Redactor(String apiKey) {
        this.apiKey = apiKey;
    }

    void rememberToken(String token) {
        if (token != null && !token.isEmpty()) {
            if (tokens.size() >= REMEMBERED_TOKENS) {
                tokens.remove(tokens.iterator().next());
            }
            tokens.add(token);
        }
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String clean = apiKey.isEmpty() ? text : text.replace(apiKey, "***");
        for (String token : tokens) {
            clean = clean.replace(token, "***");
        }
        return clean;
    }
}
