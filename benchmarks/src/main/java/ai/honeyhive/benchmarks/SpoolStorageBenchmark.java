package ai.honeyhive.benchmarks;

import com.squareup.tape2.QueueFile;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 13, item 3: which storage the disk spool should use, measured on what the spool does per write: make one
 * record of a ten-field event's size durable against the death of the process before {@code log()} returns, and
 * remove records once they were sent (here 100 at a time, every 100 appends, so the store stays small).
 *
 * <ul>
 *   <li>{@code segmentLog}: what the client does: a checksummed record (CRC-32C) appended to a file with one
 *       {@code write}; with {@code durability=fsync}, forced to disk each time. Removal is a file deleted per segment,
 *       so it costs nothing per write here.
 *   <li>{@code tapeQueueFile}: Square's Tape 2 {@code QueueFile}, which opens its file in {@code rwd} mode: every
 *       {@code add} is written through to the disk, whatever {@code durability} says (only its {@code fsync} rows
 *       compare like with like).
 *   <li>{@code sqliteWal}: SQLite (xerial {@code sqlite-jdbc}) in WAL mode, one transaction per write (autocommit),
 *       {@code synchronous=NORMAL} (durable against the death of the process) or {@code FULL} for {@code fsync}.
 * </ul>
 * On a real disk: {@code java.io.tmpdir} must not be a tmpfs.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class SpoolStorageBenchmark {
  private static final int REMOVE_EVERY = 100;

  /** {@code process}: survives the death of the process; {@code fsync}: also an OS crash or power loss. */
  @Param({"process", "fsync"})
  public String durability;

  private byte[] payload;
  private Path directory;
  private FileChannel log;
  private QueueFile tape;
  private Connection sqlite;
  private PreparedStatement insert;
  private PreparedStatement delete;
  private long position;
  private int sinceRemoval;

  @Setup(Level.Trial)
  public void open() throws Exception {
    String event = "{\"event_id\":\"" + java.util.UUID.randomUUID() + "\",\"session_id\":\"" + java.util.UUID.randomUUID()
        + "\",\"event_type\":\"model\",\"event_name\":\"chat\",\"source\":\"benchmark\",\"start_time\":1733500000000,"
        + "\"end_time\":1733500000420,\"duration\":420,\"config\":{\"model\":\"gpt-4o\",\"temperature\":0.2},"
        + "\"inputs\":{\"chat_history\":[{\"role\":\"user\",\"content\":\"What is the capital of France? Answer in one"
        + " word.\"}]},\"outputs\":{\"content\":\"Paris\",\"role\":\"assistant\"},\"metadata\":{\"prompt_tokens\":12,"
        + "\"completion_tokens\":1,\"total_tokens\":13},\"metrics\":{\"latency_ms\":420},\"user_properties\":{}}";
    payload = event.getBytes(StandardCharsets.UTF_8);
    directory = Files.createTempDirectory("honeyhive-spool-storage");
    log = FileChannel.open(directory.resolve("segment.seg"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    tape = new QueueFile.Builder(new File(directory.toFile(), "tape.queue")).build();
    sqlite = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("spool.db"));
    try (Statement statement = sqlite.createStatement()) {
      statement.execute("PRAGMA journal_mode=WAL");
      statement.execute("PRAGMA synchronous=" + (durability.equals("fsync") ? "FULL" : "NORMAL"));
      statement.execute("CREATE TABLE writes (position INTEGER PRIMARY KEY, body BLOB NOT NULL)");
    }
    insert = sqlite.prepareStatement("INSERT INTO writes (position, body) VALUES (?, ?)");
    delete = sqlite.prepareStatement("DELETE FROM writes WHERE position < ?");
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    log.close();
    tape.close();
    sqlite.close();
    SpoolSetting.delete(directory);
  }

  @Benchmark
  public long segmentLog() throws IOException {
    ByteBuffer record = ByteBuffer.allocate(18 + payload.length);
    CRC32C crc = new CRC32C();
    crc.update(payload);
    crc.update(ByteBuffer.allocate(12).putInt(payload.length).putLong(position).flip());
    record.putShort((short) 0x4868).putInt(payload.length).putLong(position++).putInt((int) crc.getValue());
    record.put(payload).flip();
    while (record.hasRemaining()) {
      log.write(record);
    }
    if (durability.equals("fsync")) {
      log.force(false);
    }
    if (log.size() > (64L << 20)) {
      log.truncate(0); // A sealed segment deleted: keeps the file small, as the client does.
    }
    return position;
  }

  @Benchmark
  public long tapeQueueFile() throws IOException {
    tape.add(payload);
    if (++sinceRemoval == REMOVE_EVERY) {
      tape.remove(REMOVE_EVERY);
      sinceRemoval = 0;
    }
    return tape.size();
  }

  @Benchmark
  public long sqliteWal() throws SQLException {
    insert.setLong(1, ++position);
    insert.setBytes(2, payload);
    insert.executeUpdate();
    if (++sinceRemoval == REMOVE_EVERY) {
      delete.setLong(1, position);
      delete.executeUpdate();
      sinceRemoval = 0;
    }
    return position;
  }
}
