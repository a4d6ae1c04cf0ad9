package riskguard.db;

import java.time.Instant;
import java.util.Objects;

/** A rule package the daemon loaded: its version, a hash of its files, when and from where. */
public record RulePackageRow(String version, String contentHash, Instant loadedAt, String sourceDir) {

    public RulePackageRow {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(loadedAt, "loadedAt");
        Objects.requireNonNull(sourceDir, "sourceDir");
    }
}
