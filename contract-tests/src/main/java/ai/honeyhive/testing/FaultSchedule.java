package ai.honeyhive.testing;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * When a {@link FaultPlan} strikes: which of the requests it applies to get its fault. Requests are numbered from 1
 * in the order the server decides on them, counting only the requests of the plan's operations, whether or not
 * another plan already faulted them. Immutable: each server keeps its own count (and its own random sequence), so one
 * schedule can serve many servers and every server starts from request 1.
 *
 * <pre>{@code
 * FaultSchedule.firstRequests(2)          // "the first two requests fail, then all is well"
 * FaultSchedule.requests(1, 2, 3, 7)      // exactly these
 * FaultSchedule.everyNth(10)              // requests 10, 20, 30, ...
 * FaultSchedule.random(0.25, 42)          // each with probability 0.25; the same choices for the same seed
 * }</pre>
 */
public final class FaultSchedule {
  private static final FaultSchedule ALWAYS = new FaultSchedule(Kind.ALWAYS, "always", null, 0, 0, 0);

  private enum Kind { ALWAYS, NUMBERS, EVERY_NTH, RANDOM }

  private final Kind kind;
  private final String description;
  private final long[] numbers;
  private final long every;
  private final double probability;
  private final long seed;

  private FaultSchedule(Kind kind, String description, long[] numbers, long every, double probability, long seed) {
    this.kind = kind;
    this.description = description;
    this.numbers = numbers;
    this.every = every;
    this.probability = probability;
    this.seed = seed;
  }

  /**
   * Strikes every request. The default of {@link FaultPlan.Builder#schedule}.
   *
   * @return the schedule
   */
  public static FaultSchedule always() {
    return ALWAYS;
  }

  /**
   * Strikes the first {@code count} requests, then none: "the first two requests answer 503, then normally".
   *
   * @param count how many requests fail; at least 1
   * @return the schedule
   * @throws IllegalArgumentException if {@code count} is less than 1
   */
  public static FaultSchedule firstRequests(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, but was " + count);
    }
    long[] numbers = new long[count];
    Arrays.setAll(numbers, i -> i + 1);
    return new FaultSchedule(Kind.NUMBERS, "first " + count + " requests", numbers, 0, 0, 0);
  }

  /**
   * Strikes exactly the requests numbered {@code numbers} (from 1), in any order; repeated numbers count once.
   *
   * @param numbers the request numbers; at least one, each at least 1
   * @return the schedule
   * @throws IllegalArgumentException if {@code numbers} is empty or holds a number less than 1
   */
  public static FaultSchedule requests(int... numbers) {
    if (numbers == null || numbers.length == 0) {
      throw new IllegalArgumentException("numbers must name at least one request");
    }
    long[] sorted = Arrays.stream(numbers).asLongStream().sorted().distinct().toArray();
    if (sorted[0] < 1) {
      throw new IllegalArgumentException("request numbers start at 1, but got " + sorted[0]);
    }
    return new FaultSchedule(Kind.NUMBERS, "requests " + Arrays.toString(sorted), sorted, 0, 0, 0);
  }

  /**
   * Strikes every {@code n}th request: {@code n}, {@code 2n}, {@code 3n}, ... With {@code n} of 1, every request.
   *
   * @param n the period; at least 1
   * @return the schedule
   * @throws IllegalArgumentException if {@code n} is less than 1
   */
  public static FaultSchedule everyNth(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, but was " + n);
    }
    String description = n == 1 ? "every request" : "every " + ordinal(n) + " request";
    return new FaultSchedule(Kind.EVERY_NTH, description, null, n, 0, 0);
  }

  /**
   * Strikes each request with {@code probability}, drawn from a random sequence seeded with {@code seed}: the same
   * seed picks the same request numbers on every run, so a failing run can be replayed. With concurrent clients the
   * numbering follows arrival order, which may differ between runs.
   *
   * @param probability the chance of each request, 0 to 1
   * @param seed the seed of the random sequence
   * @return the schedule
   * @throws IllegalArgumentException if {@code probability} is not between 0 and 1
   */
  public static FaultSchedule random(double probability, long seed) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be 0 to 1, but was " + probability);
    }
    return new FaultSchedule(Kind.RANDOM, "random p=" + probability + " seed=" + seed, null, 0, probability, seed);
  }

  private static String ordinal(int n) {
    String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th"
        : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    return n + suffix;
  }

  /** Starts a count for one server. */
  Counter start() {
    return new Counter();
  }

  /** Returns what the schedule does, such as {@code every 10th request}; the format may change. */
  @Override
  public String toString() {
    return description;
  }

  /** One server's position in the schedule. Not thread-safe: the caller serializes the decisions. */
  final class Counter {
    private final SplittableRandom random = new SplittableRandom(seed);
    private long count;

    /** Counts one more request and returns whether the fault strikes it. */
    boolean next() {
      long number = ++count;
      switch (kind) {
        case NUMBERS:
          return Arrays.binarySearch(numbers, number) >= 0;
        case EVERY_NTH:
          return number % every == 0;
        case RANDOM:
          return random.nextDouble() < probability;
        default:
          return true;
      }
    }
  }
}
