package ai.honeyhive.internal.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * File I/O for the spool that an interrupt must not break. A thread interrupted while it writes to a
 * {@link FileChannel} closes the channel for every thread; the spool then reopens the file and writes again, which
 * must run with the interrupt cleared, and give it back to the caller afterwards.
 */
final class Uninterrupted {
  private Uninterrupted() {}

  /** Runs {@code action} with this thread's interrupt status cleared, then restores it. */
  static void run(Spool.IoAction action) throws IOException {
    boolean interrupted = Thread.interrupted();
    try {
      action.run();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Writes all of {@code bytes} to {@code channel}. */
  static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }
}
