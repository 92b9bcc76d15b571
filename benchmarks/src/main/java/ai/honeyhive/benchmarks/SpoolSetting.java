package ai.honeyhive.benchmarks;

import ai.honeyhive.HoneyHive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The {@code spool} benchmark parameter: {@code off}, {@code on} (the defaults: appended before {@code log()} returns,
 * forced every second) or {@code fsync} (forced before {@code log()} returns), in a new directory under
 * {@code java.io.tmpdir}, which must be on a real disk (not tmpfs) for the numbers to mean anything.
 */
final class SpoolSetting {
  private SpoolSetting() {}

  /** Creates the spool's directory, or returns null when the spool is off. */
  static Path directory(String spool) throws IOException {
    switch (spool) {
      case "off":
        return null;
      case "on":
      case "fsync":
        return Files.createTempDirectory("honeyhive-benchmark-spool");
      default:
        throw new IllegalArgumentException("spool must be off, on or fsync, but was " + spool);
    }
  }

  /** Sets the spool on {@code builder} per {@code spool}. */
  static HoneyHive.Builder apply(String spool, Path directory, HoneyHive.Builder builder) {
    if (directory == null) {
      return builder;
    }
    return builder.spoolDirectory(directory)
        .spoolSyncInterval(spool.equals("fsync") ? Duration.ZERO : Duration.ofSeconds(1));
  }

  /** Deletes the directory and what is left in it. */
  static void delete(Path directory) throws IOException {
    if (directory == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
