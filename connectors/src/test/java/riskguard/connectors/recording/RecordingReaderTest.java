package riskguard.connectors.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingReaderTest {

  private static final String SPEC_EXAMPLE = """
      # a hand-written day
      {"format": "riskguard-recording", "version": 1, "accounts": [12345], "note": "free text"}

      {"ts": "2025-03-10T14:30:00.125Z", "hub": "user",   "target": "GatewayUserPosition", "data": {"id": 1, "accountId": 12345, "contractId": "CON.F.US.MNQ.H25", "creationTimestamp": "2025-03-10T14:30:00Z", "type": 1, "size": 2, "averagePrice": 21000.0}}
      {"ts": "2025-03-10T14:30:01Z",     "hub": "market", "target": "GatewayQuote",        "contractId": "CON.F.US.MNQ.H25", "data": {"symbol": "F.US.MNQ", "lastPrice": 20950.0, "bestBid": 20949.75, "bestAsk": 20950.25}}
      {"ts": "2025-03-10T14:30:05Z",     "kind": "contract", "data": {"id": "CON.F.US.MNQ.H25", "name": "MNQH5", "description": "Micro E-mini Nasdaq-100: March 2025", "tickSize": 0.25, "tickValue": 0.5, "activeContract": true, "symbolId": "F.US.MNQ"}}
      """;

  private static List<RecordingEntry> readAll(Path file) throws Exception {
    List<RecordingEntry> entries = new ArrayList<>();
    try (RecordingReader reader = RecordingReader.open(file)) {
      reader.forEach(entries::add);
    }
    return entries;
  }

  @Test
  void readsTheSpecExampleWithHeaderEventsAndContracts(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("day.jsonl"), SPEC_EXAMPLE);

    try (RecordingReader reader = RecordingReader.open(file)) {
      assertThat(reader.header()).hasValue(new RecordingHeader(1, List.of(12345L), "free text"));
    }
    List<RecordingEntry> entries = readAll(file);
    assertThat(entries).hasSize(3);
    assertThat(entries.get(0)).isInstanceOfSatisfying(RecordingEntry.Event.class, event -> {
      assertThat(event.line()).isEqualTo(4);
      assertThat(event.ts()).isEqualTo(Instant.parse("2025-03-10T14:30:00.125Z"));
      assertThat(event.target()).isEqualTo("GatewayUserPosition");
      assertThat(event.contractId()).isNull();
      assertThat(event.data().get("size").asInt()).isEqualTo(2);
    });
    assertThat(entries.get(1)).isInstanceOfSatisfying(RecordingEntry.Event.class, event ->
        assertThat(event.contractId()).isEqualTo("CON.F.US.MNQ.H25"));
    assertThat(entries.get(2)).isInstanceOfSatisfying(RecordingEntry.Contract.class, contract -> {
      assertThat(contract.line()).isEqualTo(6);
      assertThat(contract.contractId()).isEqualTo("CON.F.US.MNQ.H25");
    });
  }

  @Test
  void readsGzippedRecordingsAndFilesWithoutHeader(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("day.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(SPEC_EXAMPLE.lines().skip(2).reduce("", (a, b) -> a + b + "\n").getBytes(StandardCharsets.UTF_8));
    }

    try (RecordingReader reader = RecordingReader.open(file)) {
      assertThat(reader.header()).isEmpty();
    }
    assertThat(readAll(file)).hasSize(3).first().extracting(RecordingEntry::line).isEqualTo(2);
  }

  @Test
  void badLinesComeBackWithTheirNumberAndReasonAndReadingGoesOn(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.jsonl"), """
        {"ts": "2025-03-10T14:30:00Z", "hub": "user", "target": "GatewayUserAccount", "data": {"id": 1}}
        {"ts": "2025-03-10T14:30:01Z", "hub": "user", "target": "GatewayUserAccount", "data": {"id": 1
        {"ts": "yesterday", "hub": "user", "target": "GatewayUserAccount", "data": {"id": 1}}
        {"ts": "2025-03-10T14:30:02Z", "hub": "user", "data": {"id": 1}}
        {"ts": "2025-03-10T14:30:03Z", "kind": "bars", "data": {}}
        {"format": "riskguard-recording", "version": 1}
        [1, 2]
        {"ts": "2025-03-10T14:30:04Z", "hub": "user", "target": "GatewayUserAccount", "data": {"id": 2}}
        """);

    List<RecordingEntry> entries = readAll(file);

    assertThat(entries).hasSize(8);
    assertThat(entries.get(0)).isInstanceOf(RecordingEntry.Event.class);
    assertThat(entries.subList(1, 7)).allMatch(RecordingEntry.Bad.class::isInstance);
    assertThat(((RecordingEntry.Bad) entries.get(1)).reason()).startsWith("not JSON");
    assertThat(entries.get(2)).isEqualTo(new RecordingEntry.Bad(3, "'ts' is not an ISO-8601 time: yesterday"));
    assertThat(entries.get(3)).isEqualTo(new RecordingEntry.Bad(4, "'target' is missing"));
    assertThat(entries.get(4)).isEqualTo(new RecordingEntry.Bad(5, "unknown kind 'bars'"));
    assertThat(entries.get(5)).isEqualTo(new RecordingEntry.Bad(6, "a header is only allowed as the first line"));
    assertThat(entries.get(7)).isInstanceOfSatisfying(RecordingEntry.Event.class, event ->
        assertThat(event.line()).isEqualTo(8));
  }

  @Test
  void anUnknownVersionIsRejectedWithFileAndLine(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("v2.jsonl"),
        "# newer\n{\"format\": \"riskguard-recording\", \"version\": 2}\n");

    assertThatThrownBy(() -> RecordingReader.open(file))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessage(file + ":2: recording version 2 is not supported (this riskguard reads version 1)");
  }

  @Test
  void anotherFormatIsRejected(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("other.jsonl"), "{\"format\": \"ndjson-ticks\", \"version\": 1}\n");

    assertThatThrownBy(() -> RecordingReader.open(file))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessageContaining(":1: format 'ndjson-ticks' is not riskguard-recording");
  }

  @Test
  void whatTheWriterWritesTheReaderReadsBack(@TempDir Path dir) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Path file = dir.resolve("live.jsonl.gz");
    Instant ts = Instant.parse("2025-03-10T14:30:01.250Z");
    try (RecordingWriter writer = RecordingWriter.create(file, List.of(7L, 8L), "live")) {
      writer.contract(ts, json.readTree("{\"id\": \"CON.F.US.EP.Z25\", \"name\": \"ESZ5\"}"));
      writer.event(ts, "market", "GatewayQuote", "CON.F.US.EP.Z25", json.readTree("{\"lastPrice\": 5800.25}"));
    }

    try (RecordingReader reader = RecordingReader.open(file)) {
      assertThat(reader.header()).hasValue(new RecordingHeader(1, List.of(7L, 8L), "live"));
    }
    List<RecordingEntry> entries = readAll(file);
    assertThat(entries.get(0)).isEqualTo(
        new RecordingEntry.Contract(2, ts, json.readTree("{\"id\": \"CON.F.US.EP.Z25\", \"name\": \"ESZ5\"}")));
    assertThat(entries.get(1)).isEqualTo(new RecordingEntry.Event(
        3, ts, "market", "GatewayQuote", "CON.F.US.EP.Z25", json.readTree("{\"lastPrice\": 5800.25}")));
  }
}
