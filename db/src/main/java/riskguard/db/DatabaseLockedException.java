package riskguard.db;

import java.util.OptionalLong;

/** Another riskguard daemon holds the database; starting a second one would corrupt its state. */
public final class DatabaseLockedException extends DatabaseException {

    private final OptionalLong holderPid;

    DatabaseLockedException(String message, OptionalLong holderPid) {
        super(message);
        this.holderPid = holderPid;
    }

    /** The process id the holder wrote into the lock file, when it could be read. */
    public OptionalLong holderPid() {
        return holderPid;
    }
}
