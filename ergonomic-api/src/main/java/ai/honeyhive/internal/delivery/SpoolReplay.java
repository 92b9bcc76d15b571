package ai.honeyhive.internal.delivery;

import ai.honeyhive.DropReason;
import ai.honeyhive.client.model.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves the writes that earlier clients left in the spool into this client's queue, on a daemon thread of its own:
 * each write not ended yet is queued (and appended to this client's generation, like any write) and only then marked
 * ended in its old generation, whose files are deleted once every write in them is moved. A crash in between leaves
 * the write in both generations; the next client moves it once, since an event or session start already moved (by
 * id) is skipped. Stops, leaving the rest for the next client, when this client closes.
 *
 * <p>A torn record at the end of a generation's last segment (a crash cut the write short, so its {@code log()} never
 * returned) is ignored. Anything else that cannot be read is counted as dropped ({@link DropReason#SPOOL_CORRUPT}) and
 * reported, and reading goes on with the next whole record.
 */
public final class SpoolReplay implements Runnable {
  /** Where moved writes go: the delivery's queue. */
  public interface Sink {
    /**
     * Queues {@code write}, waiting while the queue is full; appends {@code record} to the spool.
     *
     * @return false if the client is closing and did not take it
     */
    public boolean resubmit(Object write, SpoolRecords.Framed record);
  }

  private final Spool spool;
  private final Sink sink;
  private final DeliveryCounters counters;
  private final Set<String> moved = new HashSet<>();
  private long movedCount;

  public SpoolReplay(Spool spool, Sink sink, DeliveryCounters counters) {
    this.spool = spool;
    this.sink = sink;
    this.counters = counters;
  }

  /** Starts moving on a daemon thread, if there is anything to move. */
  public void start() {
    if (!spool.leftovers().isEmpty()) {
      Thread thread = new Thread(this, "honeyhive-spool-replay");
      thread.setDaemon(true);
      thread.start();
    }
  }

  @Override
  public void run() {
    List<Spool.Leftover> leftovers = spool.leftovers();
    DeliveryCounters.log.info("sending the writes {} earlier HoneyHive client(s) left in the spool",
        leftovers.size());
    try {
      for (Spool.Leftover leftover : leftovers) {
        if (!move(leftover)) {
          DeliveryCounters.log.info("the client closed while moving spooled writes; the rest stay for the next");
          return;
        }
        spool.deleteLeftover(leftover);
      }
      DeliveryCounters.log.info("queued {} write(s) left in the spool", movedCount);
    } catch (IOException | RuntimeException e) {
      DeliveryCounters.log.warn("could not read what an earlier HoneyHive client left in the spool; it stays there",
          e);
    }
  }

  /** Moves the writes of one leftover generation; returns false if the client closed first. */
  private boolean move(Spool.Leftover leftover) throws IOException {
    try (SpoolAcks acks = SpoolAcks.read(leftover.acks())) {
      List<Path> segments = leftover.segments();
      for (int i = 0; i < segments.size(); i++) {
        Path segment = segments.get(i);
        SpoolRecords.Contents contents = SpoolRecords.read(Files.readAllBytes(segment));
        report(contents, segment, i == segments.size() - 1);
        for (SpoolRecords.Entry entry : contents.entries()) {
          long position = entry.position();
          if (acks.contains(position)) {
            continue;
          }
          Object write;
          try {
            write = SpoolCodec.decode(entry.payload());
          } catch (IOException e) {
            counters.droppedUnread(1, DropReason.SPOOL_CORRUPT, "a spooled write in " + segment + " that cannot be"
                + " read (" + e.getMessage() + ")");
            write = null;
          }
          if (write != null && isNew(write)) {
            if (!sink.resubmit(write, new SpoolRecords.Framed(entry.payload()))) {
              return false;
            }
            movedCount++;
          }
          if (!spool.whileOpen(() -> acks.add(position, position + 1))) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Whether {@code write} was not moved already: an event or session start is moved once by id. */
  private boolean isNew(Object write) {
    if (write instanceof Event) {
      return moved.add("event " + ((Event) write).getEventId());
    }
    Write queued = (Write) write;
    return queued.session == null || moved.add("session " + queued.id);
  }

  private void report(SpoolRecords.Contents contents, Path segment, boolean last) {
    if (contents.tornBytes() > 0 && last) {
      DeliveryCounters.log.info("ignored {} bytes at the end of {}: a write cut short by a crash",
          contents.tornBytes(), segment);
    } else if (contents.tornBytes() > 0) {
      counters.droppedUnread(1, DropReason.SPOOL_CORRUPT, contents.tornBytes() + " unreadable bytes at the end of "
          + segment);
    }
    if (contents.corruptRegions() > 0) {
      counters.droppedUnread(contents.corruptRegions(), DropReason.SPOOL_CORRUPT, contents.corruptBytes()
          + " unreadable bytes in " + contents.corruptRegions() + " place(s) of " + segment);
    }
  }
}
