package riskguard.engine.session;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Which sessions hold a position in each contract, so a quote reaches only them instead of
 * every session. Sessions register and leave from their own threads as positions open and go
 * flat; the event source reads. Holders come back in account order, so a replay with several
 * accounts decides in the same order every time.
 */
final class ContractHolders {

  private final Map<String, Map<Long, AccountSession>> byContract = new ConcurrentHashMap<>();

  void hold(String contractId, AccountSession session) {
    byContract.computeIfAbsent(contractId, id -> new ConcurrentSkipListMap<>()).put(session.accountId(), session);
  }

  void release(String contractId, AccountSession session) {
    Map<Long, AccountSession> holders = byContract.get(contractId);
    if (holders != null) {
      holders.remove(session.accountId());
    }
  }

  Collection<AccountSession> of(String contractId) {
    Map<Long, AccountSession> holders = byContract.get(contractId);
    return holders == null ? List.of() : holders.values();
  }
}
