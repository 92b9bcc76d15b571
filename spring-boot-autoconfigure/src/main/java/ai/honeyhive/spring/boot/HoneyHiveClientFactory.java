package ai.honeyhive.spring.boot;

import ai.honeyhive.HoneyHive;
import java.time.Duration;

/** Builds the client: the {@code HH_*} environment first, then every {@code honeyhive.*} property that is set. */
final class HoneyHiveClientFactory {
  /** The client's documented backoff defaults, for when only one end of the backoff is set. */
  private static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
  private static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);

  private HoneyHiveClientFactory() {}

  static HoneyHive create(HoneyHiveProperties p, DropCounts drops) {
    HoneyHive.Builder b = HoneyHive.builder().fromEnv();
    if (p.getApiKey() != null && !p.getApiKey().isBlank()) {
      b.apiKey(p.getApiKey());
    }
    if (p.getBaseUrl() != null) {
      b.baseUrl(p.getBaseUrl());
    }
    if (p.getSource() != null) {
      b.source(p.getSource());
    }
    if (p.getEnabled() != null) {
      b.enabled(p.getEnabled());
    }
    if (p.getDeliveryMode() != null) {
      b.deliveryMode(p.getDeliveryMode());
    }
    if (p.getMaxQueueSize() != null) {
      b.maxQueueSize(p.getMaxQueueSize());
    }
    if (p.getMaxBatchSize() != null) {
      b.maxBatchSize(p.getMaxBatchSize());
    }
    if (p.getBatchDelay() != null) {
      b.maxBatchDelay(p.getBatchDelay());
    }
    if (p.getMaxRetries() != null) {
      b.maxRetries(p.getMaxRetries());
    }
    if (p.getCallTimeout() != null) {
      b.callTimeout(p.getCallTimeout());
    }
    HttpSettings.apply(p.getHttp(), b);
    apply(p.getRetry(), b);
    apply(p.getQueue(), b);
    apply(p.getSpool(), b);
    // The application context closes (and so flushes) the client; a JVM hook of its own would race Spring's.
    b.shutdownHook(false);
    b.deliveryListener(drops.listener());
    try {
      return b.build();
    } catch (IllegalStateException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("no HoneyHive API key")) {
        throw new IllegalStateException("No HoneyHive API key: set the honeyhive.api-key property or the HH_API_KEY"
            + " environment variable, or turn the client off with honeyhive.enabled=false", e);
      }
      throw e;
    }
  }

  private static void apply(RetryProperties retry, HoneyHive.Builder b) {
    if (retry.getInitialBackoff() != null || retry.getMaxBackoff() != null) {
      Duration initial = retry.getInitialBackoff() != null ? retry.getInitialBackoff() : DEFAULT_INITIAL_BACKOFF;
      Duration max = retry.getMaxBackoff() != null ? retry.getMaxBackoff() : DEFAULT_MAX_BACKOFF.compareTo(initial) < 0
          ? initial : DEFAULT_MAX_BACKOFF;
      b.retryBackoff(initial, max);
    }
    if (retry.getMaxRetryAfter() != null) {
      b.maxRetryAfter(retry.getMaxRetryAfter());
    }
  }

  private static void apply(QueueProperties queue, HoneyHive.Builder b) {
    if (queue.getMaxBytes() != null) {
      b.maxQueueBytes(queue.getMaxBytes());
    }
    if (queue.getMaxEventBytes() != null) {
      b.maxEventBytes(queue.getMaxEventBytes());
    }
    if (queue.getFullPolicy() != null) {
      b.queueFullPolicy(queue.getFullPolicy());
    }
    if (queue.getBlockTimeout() != null) {
      b.blockTimeout(queue.getBlockTimeout());
    }
    if (queue.getMaxBatchBytes() != null) {
      b.maxBatchBytes(queue.getMaxBatchBytes());
    }
    if (queue.getMaxConcurrentExports() != null) {
      b.maxConcurrentExports(queue.getMaxConcurrentExports());
    }
    if (queue.getCloseTimeout() != null) {
      b.closeTimeout(queue.getCloseTimeout());
    }
  }

  private static void apply(SpoolProperties spool, HoneyHive.Builder b) {
    if (spool.getDirectory() != null) {
      b.spoolDirectory(spool.getDirectory());
    }
    if (spool.getMaxBytes() != null) {
      b.maxSpoolBytes(spool.getMaxBytes());
    }
    if (spool.getSyncInterval() != null) {
      b.spoolSyncInterval(spool.getSyncInterval());
    }
  }
}
