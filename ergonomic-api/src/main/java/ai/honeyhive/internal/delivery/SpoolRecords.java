package ai.honeyhive.internal.delivery;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The record format of a spool segment, and the reading of a segment back, torn and corrupt parts included.
 *
 * <p>A segment is a sequence of records, each written with one {@code write} call:
 * <pre>
 *   magic    2 bytes  0x4868 ("Hh"): where a record may start, when reading resumes after a corrupt one
 *   length   4 bytes  the payload's size
 *   position 8 bytes  the write's queue position in the client that wrote it
 *   crc      4 bytes  CRC-32C of the payload, then length and position
 *   payload  length bytes ({@link SpoolCodec})
 * </pre>
 * Big-endian. A record is whole only if its checksum matches: a crash in the middle of a write leaves a torn record at
 * the end, which is ignored; anything else that does not check out is corrupt, skipped up to the next record that
 * does, and counted.
 */
public final class SpoolRecords {
  public static final int HEADER_BYTES = 18;
  private static final short MAGIC = 0x4868;

  private SpoolRecords() {}

  /** One whole record. */
  public record Entry(long position, byte[] payload) {}

  /**
   * What a segment held.
   *
   * @param entries the whole records, in file order
   * @param tornBytes the size of an unreadable end that may be a record cut short by a crash (no whole record follows
   *     it), or 0
   * @param corruptRegions how many unreadable stretches were followed by a whole record again
   * @param corruptBytes their summed size
   */
  public record Contents(List<Entry> entries, long tornBytes, int corruptRegions, long corruptBytes) {}

  /**
   * A payload framed as a record but for its position, which the queue gives it later: the expensive part (the copy,
   * the payload's checksum) done before the spool's lock is taken, the rest ({@link #at}) under it.
   */
  public static final class Framed {
    private final ByteBuffer buffer;
    private final CRC32C crc = new CRC32C();
    private final int length;

    public Framed(byte[] payload) {
      this.length = payload.length;
      this.buffer = ByteBuffer.allocate(HEADER_BYTES + length);
      buffer.putShort(MAGIC).putInt(length);
      buffer.position(HEADER_BYTES);
      buffer.put(payload);
      crc.update(payload);
    }

    /** Returns the record for queue position {@code position}, ready for one write. Call once. */
    public ByteBuffer at(long position) {
      buffer.putLong(6, position);
      crc.update(ByteBuffer.allocate(12).putInt(length).putLong(position).flip());
      buffer.putInt(14, (int) crc.getValue());
      return buffer.position(0);
    }

    /** The size of the record. */
    public int size() {
      return HEADER_BYTES + length;
    }
  }

  /** Reads the records of a segment's bytes. */
  public static Contents read(byte[] data) {
    List<Entry> entries = new ArrayList<>();
    int corruptRegions = 0;
    long corruptBytes = 0;
    int at = 0;
    while (at < data.length) {
      int size = wholeRecordAt(data, at);
      if (size > 0) {
        ByteBuffer header = ByteBuffer.wrap(data, at, HEADER_BYTES);
        header.getShort();
        int length = header.getInt();
        long position = header.getLong();
        byte[] payload = new byte[length];
        System.arraycopy(data, at + HEADER_BYTES, payload, 0, length);
        entries.add(new Entry(position, payload));
        at += size;
        continue;
      }
      int next = nextRecordAfter(data, at);
      if (next < 0) {
        return new Contents(entries, data.length - at, corruptRegions, corruptBytes);
      }
      corruptRegions++;
      corruptBytes += next - at;
      at = next;
    }
    return new Contents(entries, 0, corruptRegions, corruptBytes);
  }

  /** Returns the size of the whole record starting at {@code at}, or 0 if none starts there. */
  private static int wholeRecordAt(byte[] data, int at) {
    if (data.length - at < HEADER_BYTES) {
      return 0;
    }
    ByteBuffer header = ByteBuffer.wrap(data, at, HEADER_BYTES);
    if (header.getShort() != MAGIC) {
      return 0;
    }
    int length = header.getInt();
    if (length < 0 || length > data.length - at - HEADER_BYTES) {
      return 0;
    }
    long position = header.getLong();
    int crc = header.getInt();
    return checksum(length, position, data, at + HEADER_BYTES) == crc ? HEADER_BYTES + length : 0;
  }

  /** Returns where the first whole record after {@code at} starts, or -1. Looks only where the magic is. */
  private static int nextRecordAfter(byte[] data, int at) {
    for (int i = at + 1; i + HEADER_BYTES <= data.length; i++) {
      if (data[i] == (byte) (MAGIC >> 8) && data[i + 1] == (byte) MAGIC && wholeRecordAt(data, i) > 0) {
        return i;
      }
    }
    return -1;
  }

  /** CRC-32C of the payload, then the length and position. */
  private static int checksum(int length, long position, byte[] payload, int offset) {
    CRC32C crc = new CRC32C();
    crc.update(payload, offset, length);
    crc.update(ByteBuffer.allocate(12).putInt(length).putLong(position).flip());
    return (int) crc.getValue();
  }
}
