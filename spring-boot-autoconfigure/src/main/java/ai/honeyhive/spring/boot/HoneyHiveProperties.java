package ai.honeyhive.spring.boot;

import ai.honeyhive.DeliveryMode;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code honeyhive.*} properties. Every property left unset keeps what the {@code HH_*} environment variables (or
 * system properties) say, and failing those the client's documented default; a property that is set wins over the
 * environment.
 */
@ConfigurationProperties("honeyhive")
public class HoneyHiveProperties {
  /** The API key (a secret: never logged). Falls back to the HH_API_KEY environment variable. */
  private String apiKey;
  /** Base URL of the HoneyHive API. Falls back to HH_API_URL, then the public HoneyHive endpoint. */
  private String baseUrl;
  /** The source recorded on sessions and events (for example the deployment environment). */
  private String source;
  /** Whether the client sends anything. A disabled client needs no key and sends nothing. */
  private Boolean enabled;
  /** How writes are delivered: BATCHED (background queue, the default) or SYNCHRONOUS. */
  private DeliveryMode deliveryMode;
  /** Bound of the delivery queue, in writes (batched mode). */
  private Integer maxQueueSize;
  /** Most writes sent in one batch (batched mode). */
  private Integer maxBatchSize;
  /** Longest a queued write waits before its batch is sent (batched mode). */
  private Duration batchDelay;
  /** How many times a failed request is retried. */
  private Integer maxRetries;
  /** Time limit of one whole HTTP call. */
  private Duration callTimeout;
  /** Connections, timeouts, proxy, TLS and headers ({@code honeyhive.http.*}). */
  @NestedConfigurationProperty
  private final HttpProperties http = new HttpProperties();
  /** Backoff between retries ({@code honeyhive.retry.*}). */
  @NestedConfigurationProperty
  private final RetryProperties retry = new RetryProperties();
  /** Bounds of the delivery queue and of exports ({@code honeyhive.queue.*}). */
  @NestedConfigurationProperty
  private final QueueProperties queue = new QueueProperties();
  /** The disk spool ({@code honeyhive.spool.*}). */
  @NestedConfigurationProperty
  private final SpoolProperties spool = new SpoolProperties();
  /** The Spring AI integration ({@code honeyhive.spring-ai.*}). */
  private final Integration springAi = new Integration();
  /** The LangChain4j integration ({@code honeyhive.langchain4j.*}). */
  private final Integration langchain4j = new Integration();

  /** Creates properties with nothing set. */
  public HoneyHiveProperties() {}

  /**
   * Returns the API key.
   *
   * @return the key, or null if not set
   */
  public String getApiKey() {
    return apiKey;
  }

  /**
   * Sets the API key.
   *
   * @param apiKey the key
   */
  public void setApiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  /**
   * Returns the base URL.
   *
   * @return the base URL, or null if not set
   */
  public String getBaseUrl() {
    return baseUrl;
  }

  /**
   * Sets the base URL.
   *
   * @param baseUrl the base URL
   */
  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * Returns the source.
   *
   * @return the source, or null if not set
   */
  public String getSource() {
    return source;
  }

  /**
   * Sets the source.
   *
   * @param source the source
   */
  public void setSource(String source) {
    this.source = source;
  }

  /**
   * Returns whether the client is enabled.
   *
   * @return the setting, or null if not set
   */
  public Boolean getEnabled() {
    return enabled;
  }

  /**
   * Sets whether the client is enabled.
   *
   * @param enabled false to send nothing
   */
  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * Returns the delivery mode.
   *
   * @return the mode, or null if not set
   */
  public DeliveryMode getDeliveryMode() {
    return deliveryMode;
  }

  /**
   * Sets the delivery mode.
   *
   * @param deliveryMode the mode
   */
  public void setDeliveryMode(DeliveryMode deliveryMode) {
    this.deliveryMode = deliveryMode;
  }

  /**
   * Returns the queue bound.
   *
   * @return the bound, or null if not set
   */
  public Integer getMaxQueueSize() {
    return maxQueueSize;
  }

  /**
   * Sets the queue bound.
   *
   * @param maxQueueSize the bound, in writes
   */
  public void setMaxQueueSize(Integer maxQueueSize) {
    this.maxQueueSize = maxQueueSize;
  }

  /**
   * Returns the batch size bound.
   *
   * @return the bound, or null if not set
   */
  public Integer getMaxBatchSize() {
    return maxBatchSize;
  }

  /**
   * Sets the batch size bound.
   *
   * @param maxBatchSize the bound, in writes
   */
  public void setMaxBatchSize(Integer maxBatchSize) {
    this.maxBatchSize = maxBatchSize;
  }

  /**
   * Returns the batch delay.
   *
   * @return the delay, or null if not set
   */
  public Duration getBatchDelay() {
    return batchDelay;
  }

  /**
   * Sets the batch delay.
   *
   * @param batchDelay the delay
   */
  public void setBatchDelay(Duration batchDelay) {
    this.batchDelay = batchDelay;
  }

  /**
   * Returns the retry count.
   *
   * @return the count, or null if not set
   */
  public Integer getMaxRetries() {
    return maxRetries;
  }

  /**
   * Sets the retry count.
   *
   * @param maxRetries the count
   */
  public void setMaxRetries(Integer maxRetries) {
    this.maxRetries = maxRetries;
  }

  /**
   * Returns the call timeout.
   *
   * @return the timeout, or null if not set
   */
  public Duration getCallTimeout() {
    return callTimeout;
  }

  /**
   * Sets the call timeout.
   *
   * @param callTimeout the timeout
   */
  public void setCallTimeout(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  /**
   * Returns the {@code honeyhive.http.*} settings.
   *
   * @return the settings, never null
   */
  public HttpProperties getHttp() {
    return http;
  }

  /**
   * Returns the {@code honeyhive.retry.*} settings.
   *
   * @return the settings, never null
   */
  public RetryProperties getRetry() {
    return retry;
  }

  /**
   * Returns the {@code honeyhive.queue.*} settings.
   *
   * @return the settings, never null
   */
  public QueueProperties getQueue() {
    return queue;
  }

  /**
   * Returns the {@code honeyhive.spool.*} settings.
   *
   * @return the settings, never null
   */
  public SpoolProperties getSpool() {
    return spool;
  }

  /**
   * Returns the {@code honeyhive.spring-ai.*} settings.
   *
   * @return the settings, never null
   */
  public Integration getSpringAi() {
    return springAi;
  }

  /**
   * Returns the {@code honeyhive.langchain4j.*} settings.
   *
   * @return the settings, never null
   */
  public Integration getLangchain4j() {
    return langchain4j;
  }

  @Override
  public String toString() {
    return "HoneyHiveProperties{apiKey=" + (apiKey == null ? "unset" : "[set]") + ", baseUrl=" + baseUrl
        + ", source=" + source + ", enabled=" + enabled + ", deliveryMode=" + deliveryMode + ", maxQueueSize="
        + maxQueueSize + ", maxBatchSize=" + maxBatchSize + ", batchDelay=" + batchDelay + ", maxRetries="
        + maxRetries + ", callTimeout=" + callTimeout + ", http=" + http + ", retry=" + retry + ", queue=" + queue
        + ", spool=" + spool + ", springAi=" + springAi + ", langchain4j=" + langchain4j + "}";
  }

  /** The settings of one framework integration ({@code honeyhive.spring-ai.*}, {@code honeyhive.langchain4j.*}). */
  public static class Integration {
    /** Whether the integration's beans are made when its framework is on the class path. */
    private boolean enabled = true;
    /** Whether prompts, completions, tool arguments/results and retrieved texts are recorded. */
    private boolean captureContent = true;

    /** Creates the settings at their defaults. */
    public Integration() {}
    /**
     * Returns whether the integration is on.
     *
     * @return true by default
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Turns the integration on or off.
     *
     * @param enabled false for no handler
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * Returns whether content is captured.
     *
     * @return true by default
     */
    public boolean isCaptureContent() {
      return captureContent;
    }

    /**
     * Sets whether content is captured.
     *
     * @param captureContent false to record no prompts or completions
     */
    public void setCaptureContent(boolean captureContent) {
      this.captureContent = captureContent;
    }

    @Override
    public String toString() {
      return "Integration{enabled=" + enabled + ", captureContent=" + captureContent + "}";
    }
  }
}
