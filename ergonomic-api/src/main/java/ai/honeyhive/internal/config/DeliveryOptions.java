package ai.honeyhive.internal.config;

import ai.honeyhive.DeliveryListener;
import ai.honeyhive.DeliveryMode;
import ai.honeyhive.QueueFullPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * How writes are delivered: the mode, the queue, the batches, the spool, shutdown. Built once by
 * {@code HoneyHive.Builder}, which checked every value; never changed.
 *
 * @param maxConcurrentExports resolved: what was set, else 4, or 1 with an {@code executor}
 * @param listener told of failures and drops, or null
 * @param executor runs the exporter, its workers and the asynchronous calls, or null for the client's own threads
 * @param spoolDirectory the disk spool's directory, or null for no spool
 */
public record DeliveryOptions(DeliveryMode mode, int maxQueueSize, long maxQueueBytes, long maxEventBytes,
    QueueFullPolicy queueFullPolicy, Duration blockTimeout, int maxBatchSize, long maxBatchBytes,
    Duration maxBatchDelay, int maxConcurrentExports, Duration closeTimeout, boolean shutdownHook,
    DeliveryListener listener, Executor executor, Path spoolDirectory, long maxSpoolBytes, Duration spoolSyncInterval,
    long spoolSegmentBytes) {}
