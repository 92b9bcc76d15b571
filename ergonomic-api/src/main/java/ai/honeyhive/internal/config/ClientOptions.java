package ai.honeyhive.internal.config;

import java.time.Clock;

/**
 * Every option of a client, built once by {@code HoneyHive.Builder} and read by the internals, which never see the
 * builder.
 *
 * @param enabled false for a client that sends nothing
 * @param source the default {@code source} of sessions and events, or null
 * @param clock the clock events are timed by
 */
public record ClientOptions(boolean enabled, String source, Clock clock, HttpOptions http, DeliveryOptions delivery) {}
