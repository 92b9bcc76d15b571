/**
 * Internal, no compatibility promise: the pure parts of experiments, ids of in-memory datasets made the way
 * HoneyHive's Python SDK makes them, and evaluator results turned into metrics. No I/O, no threads.
 */
package ai.honeyhive.internal.experiment;
