package ai.honeyhive.spring.boot;

import ai.honeyhive.QueueFullPolicy;
import java.time.Duration;

/** The {@code honeyhive.queue.*} properties: bounds of the delivery queue and of each export (batched mode). */
public class QueueProperties {
  /** Bound of the queued writes, in bytes of JSON. */
  private Long maxBytes;
  /** Largest single write accepted; a larger one is dropped and counted. */
  private Long maxEventBytes;
  /** What a write meets when the queue is full: DROP_NEWEST (the default), DROP_OLDEST or BLOCK. */
  private QueueFullPolicy fullPolicy;
  /** Longest a write waits for room under the BLOCK policy before it is dropped. */
  private Duration blockTimeout;
  /** Largest batch sent in one request, in bytes of JSON. */
  private Long maxBatchBytes;
  /** How many batches may be in flight at once. */
  private Integer maxConcurrentExports;
  /** Longest closing the client (with the application context) waits for queued writes to be sent. */
  private Duration closeTimeout;

  /** Creates the settings with nothing set. */
  public QueueProperties() {}

  /**
   * Returns honeyhive.queue.max-bytes: bound of the queued writes, in bytes of JSON.
   *
   * @return the value, or null if not set
   */
  public Long getMaxBytes() {
    return maxBytes;
  }

  /**
   * Sets honeyhive.queue.max-bytes.
   *
   * @param maxBytes the value
   */
  public void setMaxBytes(Long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * Returns honeyhive.queue.max-event-bytes: largest single write accepted; a larger one is dropped and counted.
   *
   * @return the value, or null if not set
   */
  public Long getMaxEventBytes() {
    return maxEventBytes;
  }

  /**
   * Sets honeyhive.queue.max-event-bytes.
   *
   * @param maxEventBytes the value
   */
  public void setMaxEventBytes(Long maxEventBytes) {
    this.maxEventBytes = maxEventBytes;
  }

  /**
   * Returns honeyhive.queue.full-policy: what a write meets when the queue is full: DROP_NEWEST (the default), DROP_OLDEST or BLOCK.
   *
   * @return the value, or null if not set
   */
  public QueueFullPolicy getFullPolicy() {
    return fullPolicy;
  }

  /**
   * Sets honeyhive.queue.full-policy.
   *
   * @param fullPolicy the value
   */
  public void setFullPolicy(QueueFullPolicy fullPolicy) {
    this.fullPolicy = fullPolicy;
  }

  /**
   * Returns honeyhive.queue.block-timeout: longest a write waits for room under the BLOCK policy before it is dropped.
   *
   * @return the value, or null if not set
   */
  public Duration getBlockTimeout() {
    return blockTimeout;
  }

  /**
   * Sets honeyhive.queue.block-timeout.
   *
   * @param blockTimeout the value
   */
  public void setBlockTimeout(Duration blockTimeout) {
    this.blockTimeout = blockTimeout;
  }

  /**
   * Returns honeyhive.queue.max-batch-bytes: largest batch sent in one request, in bytes of JSON.
   *
   * @return the value, or null if not set
   */
  public Long getMaxBatchBytes() {
    return maxBatchBytes;
  }

  /**
   * Sets honeyhive.queue.max-batch-bytes.
   *
   * @param maxBatchBytes the value
   */
  public void setMaxBatchBytes(Long maxBatchBytes) {
    this.maxBatchBytes = maxBatchBytes;
  }

  /**
   * Returns honeyhive.queue.max-concurrent-exports: how many batches may be in flight at once.
   *
   * @return the value, or null if not set
   */
  public Integer getMaxConcurrentExports() {
    return maxConcurrentExports;
  }

  /**
   * Sets honeyhive.queue.max-concurrent-exports.
   *
   * @param maxConcurrentExports the value
   */
  public void setMaxConcurrentExports(Integer maxConcurrentExports) {
    this.maxConcurrentExports = maxConcurrentExports;
  }

  /**
   * Returns honeyhive.queue.close-timeout: longest closing the client (with the application context) waits for queued writes to be sent.
   *
   * @return the value, or null if not set
   */
  public Duration getCloseTimeout() {
    return closeTimeout;
  }

  /**
   * Sets honeyhive.queue.close-timeout.
   *
   * @param closeTimeout the value
   */
  public void setCloseTimeout(Duration closeTimeout) {
    this.closeTimeout = closeTimeout;
  }

  @Override
  public String toString() {
    return "QueueProperties{" + "maxBytes=" + maxBytes + ", " + "maxEventBytes=" + maxEventBytes + ", " + "fullPolicy=" + fullPolicy + ", " + "blockTimeout=" + blockTimeout + ", " + "maxBatchBytes=" + maxBatchBytes + ", " + "maxConcurrentExports=" + maxConcurrentExports + ", " + "closeTimeout=" + closeTimeout + "}";
  }
}
