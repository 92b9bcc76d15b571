package ai.honeyhive.internal.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The disk spool of one client: every queued write is appended to a segment file of this client's generation before
 * {@code log()} returns, and the segments are deleted once every write in them has ended. What a dead client left
 * (earlier generations) is handed to {@link SpoolReplay}. One lock guards the files; a lock file keeps a second live
 * client (in this or another process) out of the directory.
 *
 * <h2>Files</h2>
 * {@code lock}; per generation {@code <generation>-<segment>.seg} (records, see {@link SpoolRecords}) and
 * {@code <generation>.acks} (ended queue positions, see {@link SpoolAcks}). A segment is sealed (then forced to disk
 * and closed by the sync thread) when it reaches the segment size, and deleted when every position up to its last has ended.
 *
 * <h2>Durability</h2>
 * A record is written (handed to the operating system) before {@link #append} returns: it survives the death of the
 * process ({@code kill -9}, the OOM killer). The operating system writes it to the disk later; with a sync interval
 * of zero each append forces it there, else a daemon thread forces the active segment at that interval, the bound on
 * what an operating-system crash or power loss can take.
 */
public final class Spool implements AutoCloseable {
  /** {@link #append}: the queue was full. */
  public static final long QUEUE_FULL = -1;
  /** {@link #append}: the spool's byte bound would be exceeded. */
  public static final long SPOOL_FULL = -2;
  /** {@link #append}: the spool was closed. */
  public static final long CLOSED = -3;

  /** The settings, checked by {@link ai.honeyhive.HoneyHive.Builder}. */
  public record Options(Path directory, long maxBytes, Duration syncInterval, long segmentBytes) {}

  /** What an earlier client left: its segments in order and its acks file. */
  public record Leftover(long generation, List<Path> segments, Path acks) {}

  private final Object lock = new Object();
  private final Path directory;
  private final FileChannel lockChannel;
  private final FileLock fileLock;
  private final long generation;
  private final Options options;
  private final List<Leftover> leftovers;
  private final SpoolAcks acks;
  private final ArrayDeque<Sealed> sealed = new ArrayDeque<>();
  /** Sealed segments still open, for the sync thread to force to disk and close; guarded by lock. */
  private final List<FileChannel> unforced = new ArrayList<>();
  /** Forces writes to disk periodically; null when each write is forced as it is made. */
  private final Thread syncer;
  // Guarded by lock:
  private long bytesOnDisk;
  private FileChannel active;
  private Path activePath;
  private int segmentIndex;
  private long activeBytes;
  private long activeFirst = -1;
  private long appendedEnd;
  private boolean dirty;
  private boolean closed;
  private boolean warnedWriteFailure;

  private record Sealed(Path path, long first, long last, long bytes) {}

  private Spool(Options options, FileChannel lockChannel, FileLock fileLock, List<Leftover> leftovers,
      long generation, long leftoverBytes) throws IOException {
    this.options = options;
    this.directory = options.directory();
    this.lockChannel = lockChannel;
    this.fileLock = fileLock;
    this.leftovers = leftovers;
    this.generation = generation;
    this.bytesOnDisk = leftoverBytes;
    this.acks = SpoolAcks.read(directory.resolve(name(generation) + ".acks"));
    openSegment();
    syncer = options.syncInterval().isZero() ? null : SpoolSyncer.start(this, options.syncInterval());
  }

  /**
   * Opens the spool in {@code options.directory()}, creating it if needed, and takes its lock.
   *
   * @throws IllegalStateException if another live client holds the directory's lock, or it cannot be used
   */
  public static Spool open(Options options) {
    Path directory = options.directory();
    FileChannel lockChannel = null;
    try {
      Files.createDirectories(directory);
      lockChannel = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock fileLock;
      try {
        fileLock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        fileLock = null; // Held by another client of this JVM.
      }
      if (fileLock == null) {
        throw new IllegalStateException("the spool directory " + directory + " is in use by another live HoneyHive"
            + " client (it holds " + directory.resolve("lock") + "); give each client a directory of its own");
      }
      SpoolDirectory found = SpoolDirectory.scan(directory);
      return new Spool(options, lockChannel, fileLock, found.leftovers(), found.nextGeneration(), found.bytes());
    } catch (IOException e) {
      closeQuietly(lockChannel);
      throw new IllegalStateException("cannot use the spool directory " + directory + ": " + e, e);
    } catch (RuntimeException e) {
      closeQuietly(lockChannel);
      throw e;
    }
  }

  /** What earlier clients left in the directory, oldest first. */
  public List<Leftover> leftovers() {
    return leftovers;
  }

  /**
   * Claims a queue position with {@code offer} and appends {@code record} at it, under the spool's lock, so records
   * are in position order.
   *
   * @param offer queues the write, returning its position or -1 when the queue is full
   * @param bounded false for a write moved from a leftover, which frees as much as it takes
   * @return the position, or {@link #QUEUE_FULL}, {@link #SPOOL_FULL} or {@link #CLOSED} (nothing written)
   */
  public long append(SpoolRecords.Framed record, LongSupplier offer, boolean bounded) {
    synchronized (lock) {
      if (closed) {
        return CLOSED;
      }
      if (bounded && bytesOnDisk + record.size() > options.maxBytes()) {
        return SPOOL_FULL;
      }
      long position = offer.getAsLong();
      if (position < 0) {
        return QUEUE_FULL;
      }
      try {
        write(record.at(position));
        if (activeFirst < 0) {
          activeFirst = position;
        }
        activeBytes += record.size();
        bytesOnDisk += record.size();
        appendedEnd = position + 1;
        dirty = true;
        if (syncer == null) {
          active.force(false);
        }
        if (activeBytes >= options.segmentBytes()) {
          seal();
          openSegment();
        }
      } catch (IOException e) {
        if (!warnedWriteFailure) { // Once: a full disk fails every write.
          warnedWriteFailure = true;
          DeliveryCounters.log.warn("could not write to the HoneyHive spool in {}; writes go on in memory only: {}",
              directory, e.toString());
        }
      }
      return position;
    }
  }

  /** Positions {@code [start, end)} of this client ended: they need not be sent again. Deletes what it can. */
  public void ended(long start, long end) {
    List<Path> done = new ArrayList<>();
    synchronized (lock) {
      if (closed) {
        return;
      }
      try {
        acks.add(start, end);
        dirty = true;
      } catch (IOException e) {
        DeliveryCounters.log.debug("could not record ended HoneyHive writes in the spool", e);
      }
      Sealed oldest;
      while ((oldest = sealed.peek()) != null && acks.coveredFrom(oldest.first()) > oldest.last()) {
        sealed.poll();
        done.add(oldest.path());
        bytesOnDisk -= oldest.bytes();
      }
    }
    for (Path path : done) { // Outside the lock: unlinking a large file can take milliseconds.
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        DeliveryCounters.log.debug("could not delete a spent HoneyHive spool segment", e);
      }
    }
  }

  /**
   * Runs {@code action} under the spool's lock if the spool is open (the directory is still this client's); returns
   * whether it ran.
   */
  public boolean whileOpen(IoAction action) throws IOException {
    synchronized (lock) {
      if (closed) {
        return false;
      }
      action.run();
      return true;
    }
  }

  /** Deletes a leftover whose writes have all been moved into this client's queue, or ended. */
  public void deleteLeftover(Leftover leftover) throws IOException {
    synchronized (lock) {
      if (closed) {
        return;
      }
      for (Path segment : leftover.segments()) {
        bytesOnDisk -= Files.size(segment);
        Files.deleteIfExists(segment);
      }
      Files.deleteIfExists(leftover.acks());
    }
  }

  /**
   * Stops appending and releases the directory. If every write this client appended has ended, its files are
   * deleted; otherwise they are forced to disk and kept for the next client.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        for (FileChannel channel : unforced) {
          channel.force(false);
          channel.close();
        }
        boolean allEnded = acks.coveredFrom(0) >= appendedEnd;
        if (allEnded) {
          active.close();
          Files.deleteIfExists(activePath);
          for (Sealed segment : sealed) {
            Files.deleteIfExists(segment.path());
          }
          acks.delete();
        } else {
          active.force(false);
          active.close();
          acks.force();
          acks.close();
        }
      } catch (IOException e) {
        DeliveryCounters.log.warn("could not close the HoneyHive spool in {} cleanly: {}", directory, e.toString());
      } finally {
        closeQuietly(lockChannel); // Releases fileLock.
      }
    }
    if (syncer != null) {
      syncer.interrupt();
    }
  }

  /** An action on spool files. */
  public interface IoAction {
    public void run() throws IOException;
  }

  /**
   * Writes {@code bytes} to the active segment. A thread interrupted while it writes (an executor shut down with
   * {@code shutdownNow}, a cancelled future) closes the channel for every thread and may leave part of the record:
   * the segment is reopened, cut back to its last whole record, and the record written again, the interrupt kept.
   */
  private void write(ByteBuffer bytes) throws IOException {
    try {
      Uninterrupted.writeFully(active, bytes);
    } catch (ClosedChannelException e) {
      Uninterrupted.run(() -> {
        active = FileChannel.open(activePath, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        active.truncate(activeBytes);
        Uninterrupted.writeFully(active, bytes.rewind());
      });
    }
  }


  /**
   * Seals the active segment. Forcing 8 MiB to disk can take milliseconds: the sync thread does it, outside the lock,
   * unless each write was forced already (no sync thread).
   */
  private void seal() throws IOException {
    if (syncer == null) {
      active.close();
    } else {
      unforced.add(active);
    }
    if (activeFirst >= 0) {
      sealed.add(new Sealed(activePath, activeFirst, appendedEnd - 1, activeBytes));
    } else {
      Files.deleteIfExists(activePath);
    }
  }

  private void openSegment() throws IOException {
    activePath = directory.resolve(String.format("%s-%06d.seg", name(generation), segmentIndex++));
    active = FileChannel.open(activePath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    activeBytes = 0;
    activeFirst = -1;
  }

  /**
   * Hands over what was written since the last call and is not forced to disk yet, for {@link SpoolSyncer} to force
   * outside the lock: the active segment, the acks file, and sealed segments (which it also closes). Returns null if
   * nothing was written, or the spool is closed.
   */
  public SpoolSyncer.Unforced takeUnforced() {
    synchronized (lock) {
      if (closed || !dirty) {
        return null;
      }
      dirty = false;
      List<FileChannel> sealedNow = List.copyOf(unforced);
      unforced.clear();
      return new SpoolSyncer.Unforced(active, acks.channel(), sealedNow);
    }
  }

  public static String name(long generation) {
    return String.format("%016x", generation);
  }

  public static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing to do.
      }
    }
  }
}
