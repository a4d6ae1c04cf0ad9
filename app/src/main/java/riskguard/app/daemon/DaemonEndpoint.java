package riskguard.app.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a running daemon answers: written next to its database as {@code <database>.endpoint}
 * (JSON) once the daemon holds the database's lock and its endpoint listens, removed when it
 * stops. A daemon killed with -9 leaves the file behind; {@link #isAlive} tells.
 *
 * @param pid the daemon's process id
 * @param url the endpoint's root, e.g. {@code http://127.0.0.1:7311}
 */
public record DaemonEndpoint(long pid, URI url, Instant startedAt) {

  private static final ObjectMapper JSON = StatusJson.mapper();

  public static Path fileFor(Path database) {
    return database.resolveSibling(database.getFileName() + ".endpoint");
  }

  /**
   * The endpoint advertised for {@code database}, if a file is there.
   *
   * @throws IllegalStateException naming the file when it is there but unreadable
   */
  public static Optional<DaemonEndpoint> find(Path database) {
    Path file = fileFor(database);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), DaemonEndpoint.class));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the daemon's endpoint file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The process that wrote the file still runs (its pid may since have been reused; the call tells). */
  public boolean isAlive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** {@code url} + {@code path}, e.g. {@code status()} is {@code http://127.0.0.1:7311/status}. */
  public URI resolve(String path) {
    return URI.create(url + path);
  }

  void write(Path database) throws IOException {
    Path file = fileFor(database);
    Path partial = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writeValue(partial.toFile(), this);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static void remove(Path database) {
    try {
      Files.deleteIfExists(fileFor(database));
    } catch (IOException e) {
      // A stale file only costs `status` one failed connection before it reads the database.
    }
  }
}
