package riskguard.connectors.projectx.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * The one Jackson configuration that reads and writes the gateway's JSON: unknown fields are
 * ignored, enums travel as their numeric codes, timestamps keep their offset.
 */
public final class ProjectXJson {

    /** Writes the gateway's style, {@code 2025-01-21T16:13:52.523293+00:00} (never {@code Z}). */
    static final DateTimeFormatter GATEWAY_TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter();

    private ProjectXJson() {
    }

    /** A new mapper for gateway payloads; mappers are thread-safe, share one per component. */
    public static JsonMapper newMapper() {
        SimpleModule timestamps = new SimpleModule("gateway-timestamps");
        timestamps.addDeserializer(OffsetDateTime.class, new TimestampDeserializer());
        timestamps.addSerializer(OffsetDateTime.class, new TimestampSerializer());
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(timestamps)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /** Parses a gateway timestamp; one without an offset is taken as UTC. */
    public static OffsetDateTime parseTimestamp(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
        }
    }

    /** Formats a timestamp the way the gateway writes it. */
    public static String formatTimestamp(OffsetDateTime timestamp) {
        return GATEWAY_TIMESTAMP.format(timestamp);
    }

    private static final class TimestampDeserializer extends StdScalarDeserializer<OffsetDateTime> {
        TimestampDeserializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
            }
            String text = parser.getText().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return parseTimestamp(text);
            } catch (DateTimeParseException e) {
                return (OffsetDateTime) context.handleWeirdStringValue(
                        OffsetDateTime.class, text, "not an ISO-8601 timestamp");
            }
        }
    }

    private static final class TimestampSerializer extends StdScalarSerializer<OffsetDateTime> {
        TimestampSerializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(formatTimestamp(value));
        }
    }
}
