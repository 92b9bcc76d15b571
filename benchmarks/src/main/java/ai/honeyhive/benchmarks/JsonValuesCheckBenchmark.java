package ai.honeyhive.benchmarks;

import ai.honeyhive.internal.wire.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The call-site check alone: {@code JsonValues.check} on every entry of the ten-field event (the entries
 * {@code Workload.logTenField} hands over, in its order), as the event builder calls it, without building, queueing
 * or sending an event. A steadier measure of the check's cost than {@code CallerCostBenchmark}, which times a whole
 * {@code log()} while exporters share the cores. It calls the client's internal check directly
 * ({@code ai.honeyhive.internal.wire}, not API); not part of the suite {@code Main} runs.
 *
 * <p>{@code text=latin1}: the workload's own strings, all ASCII (held by the JVM as Latin-1). {@code text=utf16}: the
 * same, but the three long texts begin with two CJK characters and end with an emoji (a surrogate pair), so the JVM
 * holds them as UTF-16 and every character of theirs must be looked at.
 *
 * <p>{@code profile}: what the JVM has seen before, which decides how the JIT compiles the check (it shares one
 * profile of each {@code String} method among all the code that calls it). {@code latin1Only}: nothing but Latin-1
 * text, as in a fresh JVM. {@code rareUtf16}: {@code String.charAt} and {@code String.codePointAt} have each read a
 * few UTF-16 characters, as code outside the check did in the JVMs of {@code CallerCostBenchmark}: the
 * JIT then keeps their UTF-16 path as an out-of-line call in every loop that inlines them. {@code frequentUtf16}: both
 * have read many, and the JIT inlines their UTF-16 path.
 *
 * <p>SampleTime mode: each call is timed alone, and the median (p0.50) is the figure to compare. On a machine whose
 * cores other processes share, a call that loses its core lands in the tail and leaves the median alone, where an
 * average would take it in.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JsonValuesCheckBenchmark}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class JsonValuesCheckBenchmark {
  private static final String QUESTION = "What is the capital of France, and what is it best known for?";
  private static final String SYSTEM_PROMPT = "You are a concise travel assistant. Answer in two sentences at most,"
      + " cite no sources, and never invent facts you are unsure of.";
  private static final String ANSWER = "The capital of France is Paris. It is best known for the Eiffel Tower, the"
      + " Louvre museum, its cafes and its cuisine, and as a world centre of art, fashion and culture.";

  @Param({"latin1", "utf16"})
  String text;

  @Param({"latin1Only", "rareUtf16", "frequentUtf16"})
  String profile;

  private String[] fields;
  private String[] keys;
  private Object[] values;

  @Setup
  public void setUp() {
    if (!profile.equals("latin1Only")) {
      readChars("latin-1 text, caf\u00E9 cr\u00E8me", 20_000); // compiled, with a profile, before the UTF-16 reads
      readChars("\u4E2D\u6587 and \uD83D\uDE00, text the JVM stores as UTF-16",
          profile.equals("rareUtf16") ? 4 : 200_000);
    }
    String system = SYSTEM_PROMPT;
    String question = QUESTION;
    String answer = ANSWER;
    if (text.equals("utf16")) {
      system = "\u4E2D\u6587 " + system + " \uD83D\uDE00";
      question = "\u4E2D\u6587 " + question + " \uD83D\uDE00";
      answer = "\u4E2D\u6587 " + answer + " \uD83D\uDE00";
    }
    Object[][] entries = {
        {"inputs", "messages", List.of(Map.of("role", "system", "content", system),
            Map.of("role", "user", "content", question))},
        {"outputs", "role", "assistant"},
        {"outputs", "content", answer},
        {"config", "provider", "openai"},
        {"config", "temperature", 0.2},
        {"config", "max_tokens", 512},
        {"metadata", "customer_tier", "pro"},
        {"metadata", "region", "eu-west-1"},
        {"metadata", "app_version", "2.3.1"},
        {"metadata", "prompt_tokens", 35},
        {"metadata", "completion_tokens", 23},
        {"metadata", "total_tokens", 58},
        {"metadata", "cost", 0.00042},
        {"userProperties", "user_id", "u-42"},
    };
    fields = new String[entries.length];
    keys = new String[entries.length];
    values = new Object[entries.length];
    for (int i = 0; i < entries.length; i++) {
      fields[i] = (String) entries[i][0];
      keys[i] = (String) entries[i][1];
      values[i] = entries[i][2];
    }
  }

  /** Reads every char of {@code text} {@code rounds} times through {@code charAt} and {@code codePointAt}. */
  private static void readChars(String text, int rounds) {
    long sum = 0;
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < text.length(); i++) {
        sum += text.charAt(i) + text.codePointAt(i);
      }
    }
    if (sum == 42) {
      throw new AssertionError(); // Uses the sum, so the loops are not dropped.
    }
  }

  /** Checks every entry and returns the sum of their size estimates (so that nothing is optimized away). */
  @Benchmark
  public long tenFieldCheck() {
    long size = 0;
    for (int i = 0; i < keys.length; i++) {
      size += JsonValues.check(fields[i], keys[i], values[i]);
    }
    return size;
  }
}
