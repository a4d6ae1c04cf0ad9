package riskguard.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link DaemonLockProbe} running in its own JVM, seen through its stdout lines. */
final class ProbeProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader output;
    private final List<String> seen = new ArrayList<>();

    private ProbeProcess(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ProbeProcess start(String mode, Path file, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                DaemonLockProbe.class.getName(), mode, file.toString()));
        command.addAll(List.of(more));
        return new ProbeProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    long pid() {
        return process.pid();
    }

    /** Reads output until a line starting with {@code prefix}; fails with everything seen if the probe ends first. */
    String awaitLine(String prefix) throws IOException {
        String line;
        while ((line = output.readLine()) != null) {
            seen.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("probe ended without printing '" + prefix + "'; it printed:\n" + String.join("\n", seen));
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("probe did not exit");
        }
        return process.exitValue();
    }

    /** SIGKILL: the process gets no chance to clean up, as with kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Closes the probe's stdin, which lets a holding probe close its database and exit. */
    void release() throws IOException {
        process.getOutputStream().close();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
