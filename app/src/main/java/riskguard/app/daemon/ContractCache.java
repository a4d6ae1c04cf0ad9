package riskguard.app.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riskguard.connectors.projectx.model.Contract;
import riskguard.connectors.projectx.model.ProjectXJson;
import riskguard.connectors.projectx.rest.ProjectXApiException;
import riskguard.connectors.projectx.rest.ProjectXException;
import riskguard.connectors.projectx.rest.ProjectXRestClient;
import riskguard.db.ContractRepository;
import riskguard.db.ContractRow;
import riskguard.engine.event.DecodeResult;
import riskguard.engine.event.EventDecoder;

/**
 * Contract metadata (tick size and value, name): from the database when it was fetched
 * before, else from {@code /api/Contract/searchById}, then stored. Fed to the engine through
 * the decoder like any other event, and recorded as a {@code kind: contract} line.
 */
final class ContractCache {

  private static final Logger LOG = LoggerFactory.getLogger(ContractCache.class);

  private final ProjectXRestClient rest;
  private final ContractRepository repository;
  private final AccountBook book;
  private final EventIntake intake;
  private final EventRecording recording;
  private final Clock clock;
  private final ObjectMapper json = ProjectXJson.newMapper();
  private final EventDecoder decoder = new EventDecoder();
  /**
   * Contracts the gateway said it does not know (an answer without a contract, or a refusal):
   * not asked again for every event that names them, only after {@link #retryUnknown()}.
   */
  private final Set<String> unknown = ConcurrentHashMap.newKeySet();
  /** Contracts already logged as unknown: asking again later does not log them again. */
  private final Set<String> reportedUnknown = ConcurrentHashMap.newKeySet();

  ContractCache(ProjectXRestClient rest, ContractRepository repository, AccountBook book, EventIntake intake,
      EventRecording recording, Clock clock) {
    this.rest = rest;
    this.repository = repository;
    this.book = book;
    this.intake = intake;
    this.recording = recording;
    this.clock = clock;
  }

  /** Makes sure the engine knows the contract; false when neither the database nor the gateway does. */
  boolean ensure(String contractId) {
    if (book.knowsContract(contractId)) {
      return true;
    }
    if (unknown.contains(contractId)) {
      return false;
    }
    Optional<JsonNode> metadata = repository.find(contractId).map(this::toJson);
    if (metadata.isEmpty()) {
      metadata = fetch(contractId);
    }
    if (metadata.isEmpty()) {
      return false;
    }
    recording.contract(clock.instant(), metadata.get());
    DecodeResult result = decoder.decodeContract(metadata.get(), clock.instant());
    if (result instanceof DecodeResult.Decoded decoded) {
      intake.feed(decoded.event());
      return true;
    }
    LOG.warn("contract {}: metadata not usable: {}", contractId, result);
    return false;
  }

  /**
   * Lets contracts the gateway did not know be asked for once more (after a reconnect's
   * reconcile): the gateway may have learnt them since. They are not logged again.
   */
  void retryUnknown() {
    unknown.clear();
  }

  private Optional<JsonNode> fetch(String contractId) {
    Optional<Contract> contract;
    try {
      contract = rest.contractById(contractId);
    } catch (ProjectXApiException e) {
      // the gateway answered and refused (success: false, e.g. errorCode 1 for an id it does not
      // know): asking again for every event would not change the answer
      rememberUnknown(contractId, "the gateway refused it (" + e.getMessage() + ")");
      return Optional.empty();
    } catch (ProjectXException e) {
      LOG.warn("contract {}: metadata not fetched: {}", contractId, e.getMessage());
      return Optional.empty();
    }
    if (contract.isEmpty()) {
      rememberUnknown(contractId, "the gateway knows no such contract");
      return Optional.empty();
    }
    Contract found = contract.get();
    if (found.tickSize() != null && found.tickValue() != null && found.tickSize() > 0 && found.tickValue() > 0) {
      repository.upsert(new ContractRow(found.id(), found.name() != null ? found.name() : found.id(),
          found.description(), found.tickSize(), found.tickValue(), found.symbolId(),
          Boolean.TRUE.equals(found.activeContract()), clock.instant()));
      LOG.info("contract {} ({}): tick {} = ${}", found.id(), found.name(), found.tickSize(), found.tickValue());
    }
    return Optional.of(json.valueToTree(found));
  }

  private void rememberUnknown(String contractId, String why) {
    unknown.add(contractId);
    if (reportedUnknown.add(contractId)) {
      LOG.warn("contract {}: {}; taken as unknown, its positions are counted by the root in its id (asked again"
          + " only after a reconnect)", contractId, why);
    } else {
      LOG.debug("contract {}: still unknown: {}", contractId, why);
    }
  }

  private JsonNode toJson(ContractRow row) {
    return json.valueToTree(new Contract(row.contractId(), row.name(), row.description(), row.tickSize(),
        row.tickValue(), row.active(), row.symbolId()));
  }
}
