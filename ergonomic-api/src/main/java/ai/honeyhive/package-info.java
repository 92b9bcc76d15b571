/**
 * The HoneyHive Java client: what applications name. Build one {@link ai.honeyhive.HoneyHive} per process
 * ({@link ai.honeyhive.HoneyHive#fromEnv()} or {@link ai.honeyhive.HoneyHive#builder()}), start sessions
 * ({@link ai.honeyhive.HoneyHive#session}), log events and open spans in them ({@link ai.honeyhive.EventScope}), read
 * back ({@link ai.honeyhive.HoneyHive#getEvent}, {@link ai.honeyhive.HoneyHive#searchEvents()}), update
 * ({@link ai.honeyhive.HoneyHive#updateEvent}), and carry traces across services
 * ({@link ai.honeyhive.TracePropagation}). Failures are the unchecked exceptions of {@code ai.honeyhive.errors}.
 *
 * <p>Only this package and {@code ai.honeyhive.errors} are API. The {@code ai.honeyhive.internal} packages are the
 * machinery behind it and may change in any release.
 */
package ai.honeyhive;
