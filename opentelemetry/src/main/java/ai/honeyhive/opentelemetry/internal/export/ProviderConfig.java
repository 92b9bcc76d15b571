package ai.honeyhive.opentelemetry.internal.export;

import ai.honeyhive.HoneyHive;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds the client of {@code otel.traces.exporter=honeyhive}: the {@code HH_*} variables
 * ({@link HoneyHive.Builder#fromEnv()}), overlaid by the {@code otel.exporter.honeyhive.*} properties. Stateless.
 */
public final class ProviderConfig {
  /** The prefix of this exporter's properties. */
  public static final String PREFIX = "otel.exporter.honeyhive.";
  /** The properties read, without the prefix. */
  public static final Set<String> KNOWN = Set.of(
      "api.key", "base.url", "endpoint", "source", "timeout", "max.queue.size", "max.batch.size");

  private ProviderConfig() {}

  /**
   * Returns the {@code otel.exporter.honeyhive.*} names set as JVM system properties or (as
   * {@code OTEL_EXPORTER_HONEYHIVE_*}) environment variables, in the property form. Properties a customizer supplies
   * cannot be listed through {@link ConfigProperties} and are not included.
   */
  public static Set<String> presentNames() {
    Set<String> names = new TreeSet<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith(PREFIX)) {
        names.add(name);
      }
    }
    for (String name : System.getenv().keySet()) {
      if (name.startsWith("OTEL_EXPORTER_HONEYHIVE_")) {
        names.add(name.toLowerCase(Locale.ROOT).replace('_', '.'));
      }
    }
    return names;
  }

  /**
   * Builds the client.
   *
   * @param config the SDK's configuration
   * @param present the {@code otel.exporter.honeyhive.*} names that are set, checked against {@link #KNOWN}
   * @throws ConfigurationException naming the property (or variable) that is unknown or holds a bad value, or when
   *     no API key is set
   */
  public static HoneyHive client(ConfigProperties config, Collection<String> present) {
    List<String> unknown = new ArrayList<>();
    for (String name : present) {
      if (!name.startsWith(PREFIX) || !KNOWN.contains(name.substring(PREFIX.length()))) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new ConfigurationException("unknown HoneyHive exporter propert" + (unknown.size() == 1 ? "y " : "ies ")
          + unknown + "; known: " + new TreeSet<>(prefixed()));
    }
    HoneyHive.Builder builder;
    try {
      builder = HoneyHive.builder().fromEnv();
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("HoneyHive exporter: " + e.getMessage(), e);
    }
    // The SDK's shutdown (its hook, or OpenTelemetrySdk.close()) shuts the exporter down, which flushes and closes
    // this client after the span processor's last export; a hook of the client's own could close it first.
    builder.shutdownHook(false);
    set(config, "api.key", builder::apiKey);
    String baseUrl = config.getString(PREFIX + "base.url");
    String endpoint = config.getString(PREFIX + "endpoint");
    if (baseUrl != null && endpoint != null && !baseUrl.strip().equals(endpoint.strip())) {
      throw new ConfigurationException(PREFIX + "base.url and its alias " + PREFIX + "endpoint are both set, to"
          + " different values: set one");
    }
    set(config, baseUrl != null ? "base.url" : "endpoint", builder::baseUrl);
    set(config, "source", builder::source);
    Duration timeout = value("timeout", () -> config.getDuration(PREFIX + "timeout"));
    if (timeout != null) {
      apply("timeout", () -> builder.callTimeout(timeout));
    }
    Integer queue = value("max.queue.size", () -> config.getInt(PREFIX + "max.queue.size"));
    if (queue != null) {
      apply("max.queue.size", () -> builder.maxQueueSize(queue));
    }
    Integer batch = value("max.batch.size", () -> config.getInt(PREFIX + "max.batch.size"));
    if (batch != null) {
      apply("max.batch.size", () -> builder.maxBatchSize(batch));
    }
    try {
      return builder.build();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new ConfigurationException("HoneyHive exporter: " + e.getMessage()
          + (e.getMessage() != null && e.getMessage().contains("API key") ? " (or " + PREFIX + "api.key)" : ""), e);
    }
  }

  private static Set<String> prefixed() {
    Set<String> names = new TreeSet<>();
    KNOWN.forEach(name -> names.add(PREFIX + name));
    return names;
  }

  private static void set(ConfigProperties config, String name, Consumer<String> setter) {
    String value = config.getString(PREFIX + name);
    if (value != null) {
      apply(name, () -> setter.accept(value));
    }
  }

  /** Reads a typed value; the SDK's own parse error names the property already, wrapped to say whose it is. */
  private static <T> T value(String name, Supplier<T> read) {
    try {
      return read.get();
    } catch (ConfigurationException | IllegalArgumentException e) {
      throw new ConfigurationException("HoneyHive exporter: " + PREFIX + name + ": " + e.getMessage(), e);
    }
  }

  /** Applies a value; the client's refusal is rethrown naming the property. Never shows the value of the key. */
  private static void apply(String name, Runnable setter) {
    try {
      setter.run();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ConfigurationException("HoneyHive exporter: " + PREFIX + name + " is invalid: " + e.getMessage(), e);
    }
  }
}
