/**
 * Not API: internal to the HoneyHive client, and may change in any release without notice; do not use it from
 * application code.
 *
 * <p>Trace propagation across services: the W3C traceparent and baggage headers, and HoneyHive's own header names.
 */
package ai.honeyhive.internal.propagation;
