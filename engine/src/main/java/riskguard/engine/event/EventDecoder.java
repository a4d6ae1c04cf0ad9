package riskguard.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import riskguard.engine.model.Contract;
import riskguard.engine.model.OrderSide;
import riskguard.engine.model.OrderStatus;
import riskguard.engine.model.OrderType;
import riskguard.engine.model.PositionType;

/**
 * Turns a hub event (hub, target, contract id for market events, the JSON argument,
 * receive time) into an {@link InputEvent}. The live hub client and the recording
 * replayer both call it, so a recording replays exactly what the hub sent. Payloads may be
 * bare or wrapped as {@code {"action": n, "data": {...}}}.
 */
public final class EventDecoder {

  public DecodeResult decode(String hub, String target, String contractId, JsonNode data, Instant receivedAt) {
    if (target == null) {
      return new DecodeResult.Rejected("no target");
    }
    if (data == null || !data.isObject()) {
      return new DecodeResult.Rejected(target + ": data is not a JSON object");
    }
    JsonNode payload = unwrap(data);
    try {
      return switch (target) {
        case "GatewayUserAccount" -> decoded(account(payload, receivedAt));
        case "GatewayUserPosition" -> decoded(position(payload, receivedAt));
        case "GatewayUserOrder" -> decoded(order(payload, receivedAt));
        case "GatewayUserTrade" -> decoded(trade(payload, receivedAt));
        case "GatewayQuote" -> decoded(quote(contractId, payload, receivedAt));
        default -> new DecodeResult.Skipped("target " + target + (hub != null ? " on hub " + hub : "") + " is not used");
      };
    } catch (PayloadException e) {
      return new DecodeResult.Rejected(target + ": " + e.getMessage());
    }
  }

  /** A contract metadata object ({@code /api/Contract/searchById}'s {@code contract}). */
  public DecodeResult decodeContract(JsonNode data, Instant receivedAt) {
    if (data == null || !data.isObject()) {
      return new DecodeResult.Rejected("contract: data is not a JSON object");
    }
    try {
      String id = text(data, "id");
      double tickSize = number(data, "tickSize");
      if (tickSize <= 0) {
        throw new PayloadException("field 'tickSize' must be positive, was " + tickSize);
      }
      Contract contract =
          Contract.of(id, optionalText(data, "name"), tickSize, number(data, "tickValue"), optionalText(data, "symbolId"));
      return decoded(new ContractEvent(receivedAt, contract));
    } catch (PayloadException e) {
      return new DecodeResult.Rejected("contract: " + e.getMessage());
    }
  }

  private static DecodeResult decoded(InputEvent event) {
    return new DecodeResult.Decoded(event);
  }

  private static JsonNode unwrap(JsonNode data) {
    JsonNode inner = data.get("data");
    return data.has("action") && inner != null && inner.isObject() ? inner : data;
  }

  private static AccountEvent account(JsonNode data, Instant ts) {
    JsonNode canTrade = data.get("canTrade");
    Boolean canTradeValue = canTrade == null || canTrade.isNull() ? null : canTrade.asBoolean();
    return new AccountEvent(ts, integer(data, "id"), optionalText(data, "name"), optionalNumber(data, "balance"), canTradeValue);
  }

  private static PositionEvent position(JsonNode data, Instant ts) {
    int size = (int) integer(data, "size");
    PositionType type = size == 0 ? PositionType.LONG : enumValue(data, "type", PositionType::fromCode);
    return new PositionEvent(
        ts,
        integer(data, "accountId"),
        integer(data, "id"),
        text(data, "contractId"),
        optionalTime(data, "creationTimestamp"),
        type,
        size,
        size == 0 ? 0.0 : number(data, "averagePrice"));
  }

  private static OrderEvent order(JsonNode data, Instant ts) {
    return new OrderEvent(
        ts,
        integer(data, "accountId"),
        integer(data, "id"),
        text(data, "contractId"),
        enumValue(data, "status", OrderStatus::fromCode),
        enumValue(data, "type", OrderType::fromCode),
        enumValue(data, "side", OrderSide::fromCode),
        (int) integer(data, "size"),
        optionalNumber(data, "limitPrice"),
        optionalNumber(data, "stopPrice"),
        optionalTime(data, "creationTimestamp"),
        optionalTime(data, "updateTimestamp"),
        optionalText(data, "customTag"));
  }

  private static TradeEvent trade(JsonNode data, Instant ts) {
    Instant time = optionalTime(data, "creationTimestamp");
    JsonNode orderId = data.get("orderId");
    return new TradeEvent(
        ts,
        integer(data, "accountId"),
        integer(data, "id"),
        text(data, "contractId"),
        time != null ? time : ts,
        number(data, "price"),
        optionalNumber(data, "profitAndLoss"),
        data.hasNonNull("fees") ? number(data, "fees") : 0.0,
        enumValue(data, "side", OrderSide::fromCode),
        (int) integer(data, "size"),
        data.path("voided").asBoolean(false),
        orderId == null || orderId.isNull() ? null : integer(data, "orderId"));
  }

  private static QuoteEvent quote(String contractId, JsonNode data, Instant ts) {
    if (contractId == null || contractId.isBlank()) {
      throw new PayloadException("no contractId (the hub's first argument)");
    }
    Instant quoteTime = optionalTime(data, "timestamp");
    return new QuoteEvent(
        ts,
        contractId,
        optionalNumber(data, "lastPrice"),
        optionalNumber(data, "bestBid"),
        optionalNumber(data, "bestAsk"),
        quoteTime != null ? quoteTime : optionalTime(data, "lastUpdated"));
  }

  private static String text(JsonNode data, String field) {
    JsonNode node = data.get(field);
    if (node == null || node.isNull() || !node.isValueNode() || node.asText().isBlank()) {
      throw new PayloadException("missing field '" + field + "'");
    }
    return node.asText();
  }

  private static String optionalText(JsonNode data, String field) {
    JsonNode node = data.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  private static long integer(JsonNode data, String field) {
    JsonNode node = data.get(field);
    if (node == null || node.isNull()) {
      throw new PayloadException("missing field '" + field + "'");
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isTextual()) {
      try {
        return Long.parseLong(node.asText().trim());
      } catch (NumberFormatException e) {
        // reported below with the field's name
      }
    }
    throw new PayloadException("field '" + field + "' is not an integer: " + node);
  }

  private static double number(JsonNode data, String field) {
    Double value = optionalNumber(data, field);
    if (value == null) {
      throw new PayloadException("missing field '" + field + "'");
    }
    return value;
  }

  /** Numbers may come as JSON numbers or as strings such as {@code "6065.250000000"}. */
  private static Double optionalNumber(JsonNode data, String field) {
    JsonNode node = data.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isTextual()) {
      try {
        return Double.parseDouble(node.asText().trim());
      } catch (NumberFormatException e) {
        // reported below with the field's name
      }
    }
    throw new PayloadException("field '" + field + "' is not a number: " + node);
  }

  private static <E> E enumValue(JsonNode data, String field, java.util.function.IntFunction<E> fromCode) {
    long code = integer(data, field);
    try {
      return fromCode.apply((int) code);
    } catch (IllegalArgumentException e) {
      throw new PayloadException("field '" + field + "': " + e.getMessage());
    }
  }

  private static Instant optionalTime(JsonNode data, String field) {
    JsonNode node = data.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      return parseTime(node.asText());
    } catch (DateTimeParseException e) {
      throw new PayloadException("field '" + field + "' is not an ISO-8601 time: " + node.asText());
    }
  }

  /**
   * ISO-8601 with an offset and up to 9 fractional digits ({@code 2025-01-21T16:13:52.523293+00:00});
   * a time without an offset is taken as UTC.
   */
  public static Instant parseTime(String text) {
    return IsoTime.parse(text.trim());
  }

  private static final class PayloadException extends RuntimeException {
    PayloadException(String message) {
      super(message, null, false, false);
    }
  }
}
