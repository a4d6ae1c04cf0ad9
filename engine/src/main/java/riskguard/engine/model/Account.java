package riskguard.engine.model;

/**
 * The guarded account: one per rule session, updated in place by account events. An event
 * without {@code canTrade} leaves the account tradable ({@code canTrade} true) and says so in
 * {@code canTradeMissing}, so a rule can warn that it assumed it.
 */
public final class Account {

  private final long id;
  private String name;
  private boolean canTrade;
  private boolean canTradeMissing;

  public Account(long id, String name, Boolean canTrade) {
    this.id = id;
    update(name, canTrade);
  }

  public long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public boolean isCanTrade() {
    return canTrade;
  }

  /** True when the latest account event did not say whether the account may trade. */
  public boolean isCanTradeMissing() {
    return canTradeMissing;
  }

  /** Engine only: the account as the latest event shows it (null {@code canTrade}: assumed true). */
  public void update(String name, Boolean canTrade) {
    if (name != null) {
      this.name = name;
    }
    this.canTrade = canTrade == null || canTrade;
    this.canTradeMissing = canTrade == null;
  }

  @Override
  public String toString() {
    return "Account[" + id + " " + name + " canTrade=" + canTrade + (canTradeMissing ? " (not reported)" : "") + "]";
  }
}
