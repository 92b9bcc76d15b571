/**
 * Not API: internal to the HoneyHive client, and may change in any release without notice; do not use it from
 * application code.
 *
 * <p>The wiring of one client from its options, and the lifetime of what it starts: threads, connections, the shutdown hook.
 */
package ai.honeyhive.internal.runtime;
