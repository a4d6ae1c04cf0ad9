package riskguard.engine.model;

/** The guarded account: one per rule session, updated in place by account events. */
public final class Account {

  private final long id;
  private String name;
  private boolean canTrade;

  public Account(long id, String name, boolean canTrade) {
    this.id = id;
    this.name = name;
    this.canTrade = canTrade;
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

  /** Engine only: the account as the latest event shows it. */
  public void update(String name, boolean canTrade) {
    if (name != null) {
      this.name = name;
    }
    this.canTrade = canTrade;
  }

  @Override
  public String toString() {
    return "Account[" + id + " " + name + " canTrade=" + canTrade + "]";
  }
}
