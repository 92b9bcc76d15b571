package ai.honeyhive.internal.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The queue positions of one spool generation whose writes have ended (sent, failed for good, or dropped and counted),
 * kept in memory as merged ranges and on disk as an append-only file of ranges, so a later client does not send them
 * again. Each entry is {@code start} and {@code end} (8 bytes each, end exclusive) and a CRC-32C of both; a torn or
 * corrupt entry is ignored, which can only make a write be sent twice, never lost. Not thread-safe: its owner locks.
 */
public final class SpoolAcks implements AutoCloseable {
  private static final int ENTRY_BYTES = 20;

  private final Path file;
  /** Merged ranges: start to end, none touching another. */
  private final TreeMap<Long, Long> ranges = new TreeMap<>();
  private FileChannel channel;

  private SpoolAcks(Path file) {
    this.file = file;
  }

  /** Reads the ranges in {@code file}, if it exists; {@link #add} opens it for appending. */
  public static SpoolAcks read(Path file) throws IOException {
    SpoolAcks acks = new SpoolAcks(file);
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return acks;
    }
    ByteBuffer entries = ByteBuffer.wrap(data);
    while (entries.remaining() >= ENTRY_BYTES) {
      long start = entries.getLong();
      long end = entries.getLong();
      if (entries.getInt() == checksum(start, end) && start < end) {
        acks.merge(start, end);
      }
    }
    return acks;
  }

  /** Adds {@code [start, end)}, on disk (written, not forced) and in memory. Empty ranges are ignored. */
  public void add(long start, long end) throws IOException {
    if (start >= end) {
      return;
    }
    merge(start, end);
    ByteBuffer entry = ByteBuffer.allocate(ENTRY_BYTES).putLong(start).putLong(end).putInt(checksum(start, end));
    entry.flip();
    try {
      append(entry);
    } catch (ClosedChannelException e) {
      // This thread was interrupted while it wrote (close abandoning a request), which closed the file: reopen it, cut
      // off what was written of the entry, and write it again. The interrupt is kept.
      channel = null;
      Uninterrupted.run(() -> {
        append(ByteBuffer.allocate(0));
        channel.truncate(channel.size() / ENTRY_BYTES * ENTRY_BYTES);
        append(entry.rewind());
      });
    }
  }

  private void append(ByteBuffer entry) throws IOException {
    if (channel == null) {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
    }
    Uninterrupted.writeFully(channel, entry);
  }

  /** Whether {@code position} is in an added range. */
  public boolean contains(long position) {
    Map.Entry<Long, Long> range = ranges.floorEntry(position);
    return range != null && position < range.getValue();
  }

  /** Returns the end of the range that starts at or before {@code from} and covers it, or {@code from} if none. */
  public long coveredFrom(long from) {
    Map.Entry<Long, Long> range = ranges.floorEntry(from);
    return range != null && range.getValue() > from ? range.getValue() : from;
  }

  /** Forces what was added to the disk. */
  public void force() throws IOException {
    if (channel != null) {
      channel.force(false);
    }
  }

  /** The open file, for forcing it outside the owner's lock; null before the first {@link #add}. */
  public FileChannel channel() {
    return channel;
  }

  /** Closes the file and deletes it. */
  public void delete() throws IOException {
    close();
    Files.deleteIfExists(file);
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  private void merge(long start, long end) {
    Map.Entry<Long, Long> before = ranges.floorEntry(start);
    if (before != null && before.getValue() >= start) {
      start = before.getKey();
      end = Math.max(end, before.getValue());
    }
    Map.Entry<Long, Long> after = ranges.ceilingEntry(start);
    while (after != null && after.getKey() <= end) {
      end = Math.max(end, after.getValue());
      ranges.remove(after.getKey());
      after = ranges.ceilingEntry(start);
    }
    ranges.put(start, end);
  }

  private static int checksum(long start, long end) {
    CRC32C crc = new CRC32C();
    crc.update(ByteBuffer.allocate(16).putLong(start).putLong(end).flip());
    return (int) crc.getValue();
  }
}
