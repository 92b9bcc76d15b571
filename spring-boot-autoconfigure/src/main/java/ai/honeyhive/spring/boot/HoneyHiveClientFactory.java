package ai.honeyhive.spring.boot;

import ai.honeyhive.HoneyHive;

/** Builds the client: the {@code HH_*} environment first, then every {@code honeyhive.*} property that is set. */
final class HoneyHiveClientFactory {
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
}
