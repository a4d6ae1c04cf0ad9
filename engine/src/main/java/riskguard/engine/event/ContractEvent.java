package riskguard.engine.event;

import java.time.Instant;
import riskguard.engine.model.Contract;

/** Contract metadata (a recording's {@code kind: contract} line, or the REST answer). */
public record ContractEvent(Instant ts, Contract contract) implements InputEvent {

  @Override
  public String contractId() {
    return contract.id();
  }
}
