package ai.honeyhive.spring.boot;

import java.nio.file.Path;
import java.time.Duration;

/** The {@code honeyhive.spool.*} properties: the disk spool that keeps queued writes across restarts and outages. */
public class SpoolProperties {
  /** Directory of the disk spool; unset, there is no spool. */
  private Path directory;
  /** Bound of the spool on disk, in bytes. */
  private Long maxBytes;
  /** How often the spool is forced to disk. */
  private Duration syncInterval;

  /** Creates the settings with nothing set. */
  public SpoolProperties() {}

  /**
   * Returns honeyhive.spool.directory: directory of the disk spool; unset, there is no spool.
   *
   * @return the value, or null if not set
   */
  public Path getDirectory() {
    return directory;
  }

  /**
   * Sets honeyhive.spool.directory.
   *
   * @param directory the value
   */
  public void setDirectory(Path directory) {
    this.directory = directory;
  }

  /**
   * Returns honeyhive.spool.max-bytes: bound of the spool on disk, in bytes.
   *
   * @return the value, or null if not set
   */
  public Long getMaxBytes() {
    return maxBytes;
  }

  /**
   * Sets honeyhive.spool.max-bytes.
   *
   * @param maxBytes the value
   */
  public void setMaxBytes(Long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * Returns honeyhive.spool.sync-interval: how often the spool is forced to disk.
   *
   * @return the value, or null if not set
   */
  public Duration getSyncInterval() {
    return syncInterval;
  }

  /**
   * Sets honeyhive.spool.sync-interval.
   *
   * @param syncInterval the value
   */
  public void setSyncInterval(Duration syncInterval) {
    this.syncInterval = syncInterval;
  }

  @Override
  public String toString() {
    return "SpoolProperties{" + "directory=" + directory + ", " + "maxBytes=" + maxBytes + ", " + "syncInterval=" + syncInterval + "}";
  }
}
