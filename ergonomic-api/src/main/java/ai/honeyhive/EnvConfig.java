package ai.honeyhive;

import ai.honeyhive.internal.config.EnvReader;
import ai.honeyhive.internal.config.ProxyAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code HH_*} variables into a {@link HoneyHive.Builder}: this project's names, the names HoneyHive's
 * Python SDK uses for the same settings (so a team moving over keeps its deployment's environment), and the list of
 * variables it does not understand, which {@link HoneyHive.Builder#build()} logs in one warning.
 *
 * <p>Where a setting has several names, the first set one decides ({@link #ALIASES} lists them in that order): this
 * project's own name always wins over an alias.
 */
final class EnvConfig {
  static final Logger LOG = LoggerFactory.getLogger("ai.honeyhive.config");

  /**
   * Every setting that has more than one name: this project's name first, then the aliases in the order they are
   * read. {@code HH_DISABLED} is the exception to "first set one decides" among its aliases: with it unset, any alias
   * that is true disables the client, so nothing is sent when either Python switch asks for that.
   */
  static final Map<String, List<String>> ALIASES = Map.of(
      "HH_API_URL", List.of("HH_API_URL", "HH_BASE_URL", "HH_SERVER_URL"),
      "HH_API_TIMEOUT", List.of("HH_API_TIMEOUT", "HH_TIMEOUT"),
      "HH_VERIFY_TLS", List.of("HH_VERIFY_TLS", "HH_VERIFY_SSL"),
      "HH_DISABLED", List.of("HH_DISABLED", "HH_TEST_MODE", "HH_DISABLE_TRACING"),
      "HH_PROXY", List.of("HH_PROXY", "HH_HTTPS_PROXY", "HH_HTTP_PROXY", "HH_PROXY_URL"),
      "HH_BATCH_DELAY", List.of("HH_BATCH_DELAY", "HH_FLUSH_INTERVAL"));

  /** Every variable this client reads, aliases included; anything else named {@code HH_*} is reported. */
  static final Set<String> UNDERSTOOD = Set.of(
      "HH_API_KEY", "HH_API_URL", "HH_BASE_URL", "HH_SERVER_URL", "HH_SOURCE",
      "HH_CONNECT_TIMEOUT", "HH_API_TIMEOUT", "HH_TIMEOUT", "HH_CALL_TIMEOUT", "HH_MAX_RETRIES",
      "HH_PROXY", "HH_HTTPS_PROXY", "HH_HTTP_PROXY", "HH_PROXY_URL",
      "HH_VERIFY_TLS", "HH_VERIFY_SSL", "HH_SSL_CERT_PATH",
      "HH_ROUTES", "HH_DISABLED", "HH_TEST_MODE", "HH_DISABLE_TRACING",
      "HH_DELIVERY", "HH_MAX_QUEUE_SIZE", "HH_MAX_QUEUE_BYTES", "HH_MAX_EVENT_BYTES", "HH_QUEUE_FULL",
      "HH_BLOCK_TIMEOUT", "HH_SPOOL_DIR", "HH_MAX_SPOOL_BYTES", "HH_SPOOL_SYNC_INTERVAL",
      "HH_BATCH_SIZE", "HH_BATCH_BYTES", "HH_BATCH_DELAY", "HH_FLUSH_INTERVAL",
      "HH_MAX_CONCURRENT_EXPORTS", "HH_CLOSE_TIMEOUT", "HH_SHUTDOWN_HOOK");

  /**
   * Variables the {@code honeyhive-opentelemetry} module reads (its OTLP helper and its context bridge): not this
   * client's, but not unknown either, so not reported.
   */
  static final Set<String> READ_BY_OPENTELEMETRY_MODULE = Set.of(
      "HH_OTLP_ENDPOINT", "HH_OTLP_PROTOCOL", "HH_OTEL_BRIDGE", "HH_OTEL_SESSION_FROM_TRACE");

  /** Why some names other SDKs read are not needed here. */
  private static final Map<String, String> HINTS = Map.of(
      "HH_PROJECT", "the server derives the project from the API key, so this client sends none",
      "HH_DEBUG", "for request logs, set the SLF4J logger ai.honeyhive.http to debug",
      "HH_VERBOSE", "for request logs, set the SLF4J logger ai.honeyhive.http to debug");

  private EnvConfig() {}

  /**
   * Applies every variable {@code env} sets to {@code builder} and returns the warning to log at build, or null.
   *
   * @param present the names of the variables that are set, to find those not understood; may be empty
   * @throws IllegalArgumentException if a variable holds a value of the wrong form, naming the variable
   */
  static String apply(HoneyHive.Builder builder, Function<String, String> env, Collection<String> present) {
    EnvReader reader = new EnvReader(env);
    reader.string("HH_API_KEY", builder::apiKey);
    reader.string(first(env, "HH_API_URL"), builder::baseUrl);
    reader.string("HH_SOURCE", builder::source);
    reader.seconds("HH_CONNECT_TIMEOUT", builder::connectTimeout);
    reader.seconds(first(env, "HH_API_TIMEOUT"), builder::readTimeout);
    reader.seconds("HH_CALL_TIMEOUT", builder::callTimeout);
    reader.integer("HH_MAX_RETRIES", builder::maxRetries);
    reader.bool(first(env, "HH_VERIFY_TLS"), builder::verifyTls);
    reader.string("HH_SSL_CERT_PATH", value -> builder.caCertificates(Path.of(value)));
    readDisabled(reader, env, builder);
    reader.string("HH_ROUTES", value -> builder.routeFamily(RouteFamily.valueOf(value.toUpperCase(Locale.ROOT))));
    reader.string(first(env, "HH_PROXY"), value -> {
      ProxyAddress proxy = ProxyAddress.parse(value);
      builder.proxy(proxy.proxy());
      if (proxy.username() != null) {
        builder.proxyCredentials(proxy.username(), proxy.password());
      }
    });
    reader.string("HH_DELIVERY", value -> builder.deliveryMode(parseDeliveryMode(value)));
    reader.integer("HH_MAX_QUEUE_SIZE", builder::maxQueueSize);
    reader.wholeNumber("HH_MAX_QUEUE_BYTES", builder::maxQueueBytes);
    reader.wholeNumber("HH_MAX_EVENT_BYTES", builder::maxEventBytes);
    reader.string("HH_SPOOL_DIR", value -> builder.spoolDirectory(Path.of(value)));
    reader.wholeNumber("HH_MAX_SPOOL_BYTES", builder::maxSpoolBytes);
    reader.seconds("HH_SPOOL_SYNC_INTERVAL", builder::spoolSyncInterval);
    reader.string("HH_QUEUE_FULL",
        value -> builder.queueFullPolicy(QueueFullPolicy.valueOf(value.toUpperCase(Locale.ROOT))));
    reader.seconds("HH_BLOCK_TIMEOUT", builder::blockTimeout);
    reader.integer("HH_BATCH_SIZE", builder::maxBatchSize);
    reader.wholeNumber("HH_BATCH_BYTES", builder::maxBatchBytes);
    reader.seconds(first(env, "HH_BATCH_DELAY"), builder::maxBatchDelay);
    reader.integer("HH_MAX_CONCURRENT_EXPORTS", builder::maxConcurrentExports);
    reader.seconds("HH_CLOSE_TIMEOUT", builder::closeTimeout);
    reader.bool("HH_SHUTDOWN_HOOK", builder::shutdownHook);
    return warning(unknownNames(present), shadowedAliases(env));
  }

  /** The names of the {@code HH_*} system properties and environment variables of this JVM. */
  static Set<String> presentNames() {
    Set<String> names = new TreeSet<>(System.getenv().keySet());
    names.addAll(System.getProperties().stringPropertyNames());
    return names;
  }

  /**
   * Returns, sorted, the names in {@code present} that start with {@code HH_} (in any case) and that this client
   * does not read.
   */
  static List<String> unknownNames(Collection<String> present) {
    Set<String> unknown = new TreeSet<>();
    for (String name : present) {
      if (name.regionMatches(true, 0, "HH_", 0, 3) && !UNDERSTOOD.contains(name)
          && !READ_BY_OPENTELEMETRY_MODULE.contains(name)) {
        unknown.add(name);
      }
    }
    return new ArrayList<>(unknown);
  }

  /**
   * Returns one line per alias that is set but loses to an earlier name of the same setting holding another value,
   * such as {@code HH_VERIFY_SSL (HH_VERIFY_TLS is set and wins)}. Values are compared, never shown.
   */
  static List<String> shadowedAliases(Function<String, String> env) {
    List<String> shadowed = new ArrayList<>();
    for (String setting : new TreeSet<>(ALIASES.keySet())) {
      List<String> names = ALIASES.get(setting);
      String winner = null;
      for (String name : names) {
        String value = valueOf(env, name);
        if (value == null) {
          continue;
        }
        if (winner == null) {
          winner = name;
        } else if (!value.equalsIgnoreCase(valueOf(env, winner))
            && !(setting.equals("HH_DISABLED") && !winner.equals("HH_DISABLED"))) {
          shadowed.add(name + " (" + winner + " is set and wins)");
        }
      }
    }
    return shadowed;
  }

  /** Logs {@code warning} if there is one. */
  static void log(String warning) {
    if (warning != null) {
      LOG.warn(warning);
    }
  }

  private static String warning(List<String> unknown, List<String> shadowed) {
    if (unknown.isEmpty() && shadowed.isEmpty()) {
      return null;
    }
    StringBuilder message = new StringBuilder("HoneyHive configuration:");
    if (!unknown.isEmpty()) {
      List<String> described = new ArrayList<>();
      for (String name : unknown) {
        String hint = HINTS.get(name);
        described.add(hint != null ? name + " (" + hint + ")" : name);
      }
      message.append(" ignoring ").append(unknown.size() == 1 ? "a variable" : unknown.size() + " variables")
          .append(" this client does not read: ").append(String.join(", ", described))
          .append(". Check the spelling against the HoneyHive class's table of options.");
    }
    if (!shadowed.isEmpty()) {
      message.append(" Ignoring ").append(String.join(", ", shadowed))
          .append(": a setting given different values under several names takes the name listed first in the"
              + " HoneyHive class's table of options, this client's own name before the Python SDK's.");
    }
    return message.toString();
  }

  /** The first name of {@code setting}'s names that is set, or the setting's own name if none is. */
  private static String first(Function<String, String> env, String setting) {
    for (String name : ALIASES.get(setting)) {
      if (valueOf(env, name) != null) {
        return name;
      }
    }
    return setting;
  }

  /**
   * {@code HH_DISABLED} decides when set. Otherwise the client is disabled if {@code HH_TEST_MODE} or
   * {@code HH_DISABLE_TRACING} is true: each means "send nothing" in the Python SDK.
   */
  private static void readDisabled(EnvReader reader, Function<String, String> env, HoneyHive.Builder builder) {
    if (valueOf(env, "HH_DISABLED") != null) {
      reader.bool("HH_DISABLED", disabled -> builder.enabled(!disabled));
      return;
    }
    for (String alias : ALIASES.get("HH_DISABLED").subList(1, 3)) {
      reader.bool(alias, disabled -> {
        if (disabled) {
          builder.enabled(false);
        }
      });
    }
  }

  private static String valueOf(Function<String, String> env, String name) {
    String value = env.apply(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static DeliveryMode parseDeliveryMode(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "batched": case "batch": case "async":
        return DeliveryMode.BATCHED;
      case "sync": case "synchronous":
        return DeliveryMode.SYNCHRONOUS;
      default:
        throw new IllegalArgumentException("expected batched or sync");
    }
  }
}
