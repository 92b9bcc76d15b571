package ai.honeyhive.client;

import com.squareup.moshi.Moshi;

/**
 * The Moshi configuration that reads and writes HoneyHive's wire format.
 *
 * <p>On top of Moshi's defaults it adds adapters for {@link java.util.UUID} and {@link java.time.OffsetDateTime}
 * and exact {@link java.math.BigDecimal}/{@link java.math.BigInteger} numbers (which Moshi does not have), keeps integral numbers integral inside free-form objects ({@code 42} decodes to
 * {@code Integer 42}, not {@code 42.0}; {@code 2^53 + 1} keeps every digit), and decodes enum values this client does
 * not know to the enum's {@code UNKNOWN_DEFAULT_OPEN_API} constant instead of failing, so a newer server cannot break
 * an older client. Models made of plain values, such as {@code Event}, are written by a faster writer that produces
 * the same bytes as Moshi's.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class HoneyHiveJson {
  /**
   * How deep maps and lists may nest inside one free-form value (an event's {@code inputs}, say, counts as the first
   * level): the writer refuses deeper values, and the client's call-site check refuses them where they are handed
   * over, with the same limit.
   */
  public static final int MAX_NESTING_DEPTH = 255;

  private static final Moshi MOSHI = configure(new Moshi.Builder()).build();

  private HoneyHiveJson() {}

  /** Returns the shared Moshi instance configured for HoneyHive's wire format. */
  public static Moshi moshi() {
    return MOSHI;
  }

  /**
   * Adds HoneyHive's adapters to {@code builder}, for callers that register adapters of their own. Adapters added to
   * {@code builder} before this call take precedence.
   *
   * @param builder the builder to extend; must not be null
   * @return {@code builder}
   */
  public static Moshi.Builder configure(Moshi.Builder builder) {
    if (builder == null) {
      throw new NullPointerException("builder == null");
    }
    return configure(builder, true);
  }

  /** Like {@link #configure(Moshi.Builder)}; {@code flatModels} false leaves every model to Moshi's own writer. */
  static Moshi.Builder configure(Moshi.Builder builder, boolean flatModels) {
    builder.add(DatapointNulls.FACTORY); // before the flat writer, to which it hands the datapoint's fields
    if (flatModels) {
      builder.add(FlatModelWriter.FACTORY);
    }
    return builder
        .add(UnknownEnumFallbackFactory.INSTANCE)
        .add(IntegralNumberObjectAdapter.FACTORY)
        .add(Number.class, NumberAdapter.INSTANCE)
        .add(FilterValueNulls.FACTORY)
        .add(java.util.UUID.class, new UuidAdapter().nullSafe())
        .add(java.time.OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
        .add(java.math.BigDecimal.class, BigNumberAdapter.DECIMAL)
        .add(java.math.BigInteger.class, BigNumberAdapter.INTEGER);
  }
}
