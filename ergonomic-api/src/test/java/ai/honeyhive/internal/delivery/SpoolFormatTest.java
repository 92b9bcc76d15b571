package ai.honeyhive.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.EventType;
import ai.honeyhive.client.model.EventUpdate;
import ai.honeyhive.client.model.SessionProperties;
import ai.honeyhive.client.model.SessionStartRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool's file formats: records (torn and corrupt ones included), ended ranges, and the encoding of writes. */
class SpoolFormatTest {
  @TempDir Path directory;

  private static byte[] segment(long firstPosition, String... payloads) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long position = firstPosition;
    for (String payload : payloads) {
      ByteBuffer record = new SpoolRecords.Framed(payload.getBytes(StandardCharsets.UTF_8)).at(position++);
      out.write(record.array(), 0, record.limit());
    }
    return out.toByteArray();
  }

  private static List<String> payloads(SpoolRecords.Contents contents) {
    return contents.entries().stream().map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void recordsReadBackWithTheirPositions() {
    SpoolRecords.Contents contents = SpoolRecords.read(segment(7, "a", "bb", ""));

    assertThat(payloads(contents)).containsExactly("a", "bb", "");
    assertThat(contents.entries()).extracting(SpoolRecords.Entry::position).containsExactly(7L, 8L, 9L);
    assertThat(contents.tornBytes()).isZero();
    assertThat(contents.corruptRegions()).isZero();
  }

  @Test
  void aRecordCutShortAnywhereIsTornAndTheOnesBeforeItSurvive() {
    byte[] whole = segment(0, "first", "second", "third record");
    int lastStart = segment(0, "first", "second").length;
    for (int cut = lastStart; cut < whole.length; cut++) {
      SpoolRecords.Contents contents = SpoolRecords.read(Arrays.copyOf(whole, cut));

      assertThat(payloads(contents)).as("cut at %d", cut).containsExactly("first", "second");
      assertThat(contents.tornBytes()).as("cut at %d", cut).isEqualTo(cut - lastStart);
      assertThat(contents.corruptRegions()).isZero();
    }
  }

  @Test
  void aFlippedByteSkipsOnlyItsRecordAndCountsIt() {
    byte[] data = segment(0, "first", "second", "third");
    int secondStart = segment(0, "first").length;
    for (int at = secondStart; at < secondStart + SpoolRecords.HEADER_BYTES + "second".length(); at++) {
      byte[] damaged = data.clone();
      damaged[at] ^= 0x5A;

      SpoolRecords.Contents contents = SpoolRecords.read(damaged);

      assertThat(payloads(contents)).as("byte %d flipped", at).containsExactly("first", "third");
      assertThat(contents.corruptRegions()).as("byte %d flipped", at).isEqualTo(1);
      assertThat(contents.corruptBytes()).isEqualTo(SpoolRecords.HEADER_BYTES + "second".length());
    }
  }

  @Test
  void garbageIsReadAsNothing() {
    byte[] garbage = "this is not a spool segment at all".getBytes(StandardCharsets.UTF_8);

    SpoolRecords.Contents contents = SpoolRecords.read(garbage);

    assertThat(contents.entries()).isEmpty();
    assertThat(contents.tornBytes()).isEqualTo(garbage.length);
  }

  @Test
  void endedRangesMergeAndSurviveOnDisk() throws IOException {
    Path file = directory.resolve("a.acks");
    try (SpoolAcks acks = SpoolAcks.read(file)) {
      acks.add(10, 20);
      acks.add(0, 5);
      acks.add(5, 10);
      acks.add(30, 31);
      acks.add(3, 3); // empty

      assertThat(acks.coveredFrom(0)).isEqualTo(20);
      assertThat(acks.contains(30)).isTrue();
      assertThat(acks.contains(31)).isFalse();
      assertThat(acks.contains(25)).isFalse();
    }
    // A torn last entry (a crash mid-write) and a corrupt one are ignored.
    byte[] written = Files.readAllBytes(file);
    byte[] damaged = Arrays.copyOf(written, written.length + 7);
    damaged[5] ^= 1; // the first entry, (10, 20)
    Files.write(file, damaged);

    try (SpoolAcks read = SpoolAcks.read(file)) {
      assertThat(read.contains(15)).isFalse();
      assertThat(read.coveredFrom(0)).isEqualTo(10);
      assertThat(read.contains(30)).isTrue();
    }
  }

  @Test
  void everyKindOfWriteEncodesAndDecodesToTheSameJson() throws IOException {
    Event event = new Event().eventId("e-1").sessionId(UUID.randomUUID().toString()).eventType(EventType.TOOL)
        .eventName("search").startTime(1.5).inputs(Map.of("query", "q", "n", 3L, "nested", List.of(1L, 2.5, true)));
    SessionStartRequest start = new SessionStartRequest().sessionId(UUID.randomUUID().toString()).source("test")
        .sessionName("s").inputs(Map.of("a", "b"));
    UUID lane = UUID.randomUUID();
    Write update = Write.update("not-a-uuid", new EventUpdate().metadata(Map.of("k", 1L)), lane, null);
    Write arbitraryUpdate = Write.update("x", new EventUpdate().feedback(Map.of("rating", 5L)), null, null);
    Write imported = Write.sessionImport(new ImportBatch(new SessionProperties().sessionName("old"), List.of(event), 0),
        null);

    for (Object write : List.of(event, Write.sessionStart(start), update, arbitraryUpdate, imported)) {
      byte[] encoded = SpoolCodec.encode(write);
      Object decoded = SpoolCodec.decode(encoded);

      assertThat(SpoolCodec.encode(decoded)).as(write.toString()).isEqualTo(encoded);
      assertThat(decoded.getClass()).isEqualTo(write.getClass());
    }
    Write decodedUpdate = (Write) SpoolCodec.decode(SpoolCodec.encode(update));
    assertThat(decodedUpdate.id).isEqualTo("not-a-uuid");
    assertThat(decodedUpdate.lane).isEqualTo(lane);
    assertThat(((Write) SpoolCodec.decode(SpoolCodec.encode(arbitraryUpdate))).lane).isNull();
    Event decodedEvent = (Event) SpoolCodec.decode(SpoolCodec.encode(event));
    // Integral numbers come back as the smallest of Integer and Long that holds them: the same JSON.
    assertThat(decodedEvent.getInputs()).isEqualTo(Map.of("query", "q", "n", 3, "nested", List.of(1, 2.5, true)));
  }

  @Test
  void bytesThatAreNoWriteAreRefusedClearly() {
    assertThatThrownBy(() -> SpoolCodec.decode("X{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class).hasMessageContaining("unknown kind");
    assertThatThrownBy(() -> SpoolCodec.decode("E{\"event_id\":".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> SpoolCodec.decode(new byte[0])).isInstanceOf(IOException.class);
  }
}
