package ai.honeyhive.internal.delivery;

import ai.honeyhive.client.HoneyHiveJson;
import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.EventUpdate;
import ai.honeyhive.client.model.SessionProperties;
import ai.honeyhive.client.model.SessionStartRequest;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import okio.Buffer;

/**
 * The bytes a queued write is kept as in the {@link Spool}: a kind byte, then the write's wire JSON (an event, a
 * session start), with the few values that are not part of the JSON before it (an update's event id and lane, an
 * import's session properties). Encoded on the caller's thread, so the spool holds the values as they were when they
 * were handed over; decoded by {@link SpoolReplay} in a later client.
 *
 * <p>Free-form values come back as Moshi reads JSON: maps, lists, strings, booleans, and {@code Integer} or
 * {@code Long} for integral numbers, {@code Double} for others. They are written again as the same JSON.
 */
public final class SpoolCodec {
  public static final byte EVENT = 'E';
  public static final byte SESSION_START = 'S';
  public static final byte UPDATE = 'U';
  public static final byte IMPORT = 'I';

  private static final JsonAdapter<Event> EVENTS = HoneyHiveJson.moshi().adapter(Event.class);
  private static final JsonAdapter<SessionStartRequest> STARTS =
      HoneyHiveJson.moshi().adapter(SessionStartRequest.class);
  private static final JsonAdapter<EventUpdate> UPDATES = HoneyHiveJson.moshi().adapter(EventUpdate.class);
  private static final JsonAdapter<SessionProperties> PROPERTIES =
      HoneyHiveJson.moshi().adapter(SessionProperties.class);
  private static final JsonAdapter<List<Event>> EVENT_LISTS =
      HoneyHiveJson.moshi().adapter(Types.newParameterizedType(List.class, Event.class));

  private SpoolCodec() {}

  /**
   * Encodes a queued write: an {@link Event} or a {@link Write}.
   *
   * @throws IOException never in practice (the sink is memory), but Moshi declares it
   * @throws RuntimeException or {@link Error} when a value cannot be written (an accessor that throws)
   */
  public static byte[] encode(Object write) throws IOException {
    Buffer buffer = new Buffer();
    if (write instanceof Event) {
      buffer.writeByte(EVENT);
      EVENTS.toJson(buffer, (Event) write);
      return buffer.readByteArray();
    }
    Write queued = (Write) write;
    if (queued.session != null) {
      buffer.writeByte(SESSION_START);
      STARTS.toJson(buffer, queued.session);
    } else if (queued.imported != null) {
      buffer.writeByte(IMPORT);
      Buffer properties = new Buffer();
      PROPERTIES.toJson(properties, queued.imported.properties);
      buffer.writeInt((int) properties.size());
      buffer.writeAll(properties);
      EVENT_LISTS.toJson(buffer, queued.imported.events);
    } else {
      buffer.writeByte(UPDATE);
      buffer.writeByte(queued.lane == null ? 0 : 1);
      if (queued.lane != null) {
        buffer.writeLong(queued.lane.getMostSignificantBits());
        buffer.writeLong(queued.lane.getLeastSignificantBits());
      }
      Buffer id = new Buffer().writeUtf8(queued.id);
      buffer.writeInt((int) id.size());
      buffer.writeAll(id);
      UPDATES.toJson(buffer, queued.update);
    }
    return buffer.readByteArray();
  }

  /**
   * Decodes what {@link #encode} wrote: an {@link Event} or a {@link Write} with no future to complete.
   *
   * @throws IOException if the bytes are not a write this class wrote (truncated, another kind, malformed JSON)
   */
  public static Object decode(byte[] payload) throws IOException {
    Buffer buffer = new Buffer().write(payload);
    try {
      byte kind = buffer.readByte();
      switch (kind) {
        case EVENT:
          return required(EVENTS.fromJson(buffer), "event");
        case SESSION_START:
          return Write.sessionStart(required(STARTS.fromJson(buffer), "session start"));
        case IMPORT: {
          long propertiesSize = buffer.readInt() & 0xFFFFFFFFL;
          Buffer properties = new Buffer();
          buffer.readFully(properties, propertiesSize);
          SessionProperties read = required(PROPERTIES.fromJson(properties), "session properties");
          List<Event> events = required(EVENT_LISTS.fromJson(buffer), "imported events");
          return Write.sessionImport(new ImportBatch(read, events, payload.length), null);
        }
        case UPDATE: {
          UUID lane = buffer.readByte() == 0 ? null : new UUID(buffer.readLong(), buffer.readLong());
          long idSize = buffer.readInt() & 0xFFFFFFFFL;
          String id = buffer.readUtf8(idSize);
          return Write.update(id, required(UPDATES.fromJson(buffer), "update"), lane, null);
        }
        default:
          throw new IOException("unknown kind of spooled write: " + (kind & 0xFF));
      }
    } catch (EOFException e) {
      throw new IOException("a spooled write ends too early", e);
    } catch (RuntimeException e) { // JsonDataException, or a model's own check of what it was given
      throw new IOException("a spooled write cannot be read: " + e.getMessage(), e);
    }
  }

  private static <T> T required(T value, String what) throws IOException {
    if (value == null) {
      throw new IOException("a spooled " + what + " is null");
    }
    return value;
  }
}
