package riskguard.db;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A tiny second riskguard process for the lock and durability tests, run with the test
 * classpath. It reports on stdout and, where it holds the database, waits for stdin to close.
 *
 * <ul>
 *   <li>{@code hold FILE}: opens FILE for the daemon, prints {@code LOCKED <pid>}, waits.</li>
 *   <li>{@code try FILE}: prints {@code OPENED} (exit 0) or {@code REFUSED <message>} (exit 3).</li>
 *   <li>{@code write FILE N}: as a daemon, appends N audit rows, printing {@code ACK <id>}
 *       after each append returns, then {@code WRITTEN}, and waits.</li>
 * </ul>
 */
final class DaemonLockProbe {

    static final int REFUSED_EXIT_CODE = 3;

    private DaemonLockProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        switch (args[0]) {
            case "hold" -> hold(file);
            case "try" -> System.exit(tryOpen(file));
            case "write" -> write(file, Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void hold(Path file) throws Exception {
        try (Database database = Database.openForDaemon(file)) {
            report("LOCKED " + ProcessHandle.current().pid());
            awaitStdinClosed();
        }
    }

    private static int tryOpen(Path file) {
        try (Database database = Database.openForDaemon(file)) {
            report("OPENED");
            return 0;
        } catch (DatabaseLockedException e) {
            report("REFUSED " + e.getMessage());
            return REFUSED_EXIT_CODE;
        }
    }

    private static void write(Path file, int rows) throws Exception {
        try (Database database = Database.openForDaemon(file)) {
            AuditLog audit = new AuditLog(database);
            for (int i = 0; i < rows; i++) {
                long id = audit.append(new AuditRow("probe-" + i, Instant.now(), 536, "RULE-003", "CLOSE_ALL",
                        null, null, null, null, null, null, "durability probe", null, AuditPhase.SUCCEEDED, null, null));
                report("ACK " + id);
            }
            report("WRITTEN");
            awaitStdinClosed();
        }
    }

    private static void report(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void awaitStdinClosed() throws Exception {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (stdin.readLine() != null) {
            // Keep holding until the test closes our stdin or kills us.
        }
    }
}
