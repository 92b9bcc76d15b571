package ai.honeyhive.internal.delivery;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.List;

/**
 * The daemon thread that forces a {@link Spool}'s writes to disk every sync interval, outside the spool's lock so
 * that appends go on meanwhile: the bound on what an operating-system crash or power loss can take. Stops when the
 * spool closes (which forces what it keeps) or it is interrupted.
 */
public final class SpoolSyncer implements Runnable {
  /** What to force: the active segment and acks file (either may be null), and sealed segments to close after. */
  public record Unforced(FileChannel active, FileChannel acks, List<FileChannel> sealed) {}

  private final Spool spool;
  private final long intervalMillis;

  private SpoolSyncer(Spool spool, Duration interval) {
    this.spool = spool;
    this.intervalMillis = Math.max(1, interval.toMillis());
  }

  /** Starts syncing {@code spool} every {@code interval} on a daemon thread; returns the thread. */
  public static Thread start(Spool spool, Duration interval) {
    Thread thread = new Thread(new SpoolSyncer(spool, interval), "honeyhive-spool-sync");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public void run() {
    while (true) {
      try {
        Thread.sleep(intervalMillis);
      } catch (InterruptedException e) {
        return;
      }
      Unforced unforced = spool.takeUnforced();
      if (unforced == null) {
        continue;
      }
      for (FileChannel sealed : unforced.sealed()) {
        force(sealed);
        Spool.closeQuietly(sealed);
      }
      force(unforced.active());
      force(unforced.acks());
    }
  }

  /** Forces {@code channel}; one closed meanwhile (the spool closed, and forced it) is skipped. */
  private static void force(FileChannel channel) {
    if (channel != null) {
      try {
        channel.force(false);
      } catch (IOException e) {
        // Closed meanwhile, or the disk failed: the next append reports a failing disk.
      }
    }
  }
}
