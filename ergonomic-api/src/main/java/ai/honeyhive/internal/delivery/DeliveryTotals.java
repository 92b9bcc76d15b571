package ai.honeyhive.internal.delivery;

import ai.honeyhive.errors.HoneyHiveException;

/**
 * The delivery counters at one moment, what the public {@code DeliveryReport} and {@code DeliveryStats} are made from.
 *
 * @param queued writes waiting to be sent (0 in the synchronous mode)
 * @param queuedBytes their estimated JSON size
 * @param inFlight writes in requests being sent
 * @param pending for a flush: writes made before it that had not ended when it returned; else 0
 * @param lastError the last failure, or null
 */
public record DeliveryTotals(long queued, long queuedBytes, long inFlight, long sent, long failed, long dropped,
    long retried, HoneyHiveException lastError, long exporterRestarts, long pending) {}
