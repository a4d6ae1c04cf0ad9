package riskguard.db;

import java.time.Instant;
import java.util.Objects;

/**
 * One load attempt of a rule package: its version, a hash of its files, when and from where,
 * and whether it was loaded or rejected (then {@code errors} holds one {@code file:line:
 * message} per line; null for a loaded package).
 */
public record RulePackageRow(String version, String contentHash, Instant loadedAt, String sourceDir,
        Status status, String errors) {

    /** Whether the daemon runs the package or kept the one it had. */
    public enum Status { LOADED, REJECTED }

    public RulePackageRow {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(loadedAt, "loadedAt");
        Objects.requireNonNull(sourceDir, "sourceDir");
        Objects.requireNonNull(status, "status");
    }

    public static RulePackageRow loaded(String version, String contentHash, Instant loadedAt, String sourceDir) {
        return new RulePackageRow(version, contentHash, loadedAt, sourceDir, Status.LOADED, null);
    }

    public static RulePackageRow rejected(String version, String contentHash, Instant attemptedAt, String sourceDir,
            String errors) {
        return new RulePackageRow(version, contentHash, attemptedAt, sourceDir, Status.REJECTED,
                Objects.requireNonNull(errors, "errors"));
    }
}
