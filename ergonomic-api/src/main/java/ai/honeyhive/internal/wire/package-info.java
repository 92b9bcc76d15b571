/**
 * Not API: internal to the HoneyHive client, and may change in any release without notice; do not use it from
 * application code.
 *
 * <p>The wire format seen from the caller's thread: the checks and size estimates of free-form values, ids, and times.
 */
package ai.honeyhive.internal.wire;
