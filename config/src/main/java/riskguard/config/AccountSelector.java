package riskguard.config;

import java.util.List;

/**
 * Which accounts to guard: all the login can see ({@code accounts: [all]}), or those whose id or
 * name is listed.
 */
public record AccountSelector(boolean all, List<String> idsOrNames) {

  public AccountSelector {
    idsOrNames = List.copyOf(idsOrNames);
  }

  public static AccountSelector allAccounts() {
    return new AccountSelector(true, List.of());
  }

  public static AccountSelector of(List<String> idsOrNames) {
    return new AccountSelector(false, idsOrNames);
  }

  /** True when the account with this id and name is to be guarded. */
  public boolean matches(long accountId, String accountName) {
    if (all) {
      return true;
    }
    String id = Long.toString(accountId);
    return idsOrNames.stream()
        .anyMatch(entry -> entry.equals(id) || (accountName != null && entry.equals(accountName)));
  }
}
