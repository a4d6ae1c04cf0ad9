package riskguard.engine.session;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Which sessions hold a position in each contract, so a quote reaches only them instead of
 * every session. The event source registers and releases sessions as their position events
 * arrive (open: holds; flat: releases) and reads them for each quote. Holders come back in account order, so a replay with several
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
