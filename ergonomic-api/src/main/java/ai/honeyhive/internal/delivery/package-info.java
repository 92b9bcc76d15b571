/**
 * Not API: internal to the HoneyHive client, and may change in any release without notice; do not use it from
 * application code.
 *
 * <p>Delivery of writes: the bounded queue, the exporter and its workers, batching, the delivery counters, and the disk spool. Owns the exporter's threads and the spool's files.
 */
package ai.honeyhive.internal.delivery;
