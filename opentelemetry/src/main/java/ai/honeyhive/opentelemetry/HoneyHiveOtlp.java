package ai.honeyhive.opentelemetry;

import ai.honeyhive.opentelemetry.internal.otlp.ModuleVersion;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * OpenTelemetry's own OTLP/HTTP span exporter, preset for HoneyHive's OTLP ingestion: the spans go unchanged to
 * {@code {base URL}/opentelemetry/v1/traces} and HoneyHive maps their attributes, as HoneyHive's Python SDK does.
 * An alternative to {@link HoneyHiveSpanExporter}, which maps spans to events in this process and sends them over the
 * REST API; see the module's README for what differs.
 *
 * <pre>{@code
 * SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
 *     .addSpanProcessor(BatchSpanProcessor.builder(HoneyHiveOtlp.spanExporter()).build())
 *     .build();
 * }</pre>
 *
 * <p>Requests carry {@code Authorization: Bearer <API key>}, {@code hh-client-language: java},
 * {@code hh-client-package: honeyhive-opentelemetry}, {@code hh-client-version: <this module's version>}, and
 * {@code X-Source} when a source is set. The encoding is protobuf ({@code http/protobuf}): HoneyHive's Python SDK
 * defaults to {@code http/json}, but the public builder of OpenTelemetry Java's {@link OtlpHttpSpanExporter} (1.68)
 * offers no JSON encoding. HoneyHive ingests both; for JSON, send through an OpenTelemetry Collector whose
 * {@code otlphttp} exporter sets {@code encoding: json}.
 */
public final class HoneyHiveOtlp {
  /** HoneyHive's API, the default base URL: {@value}. */
  public static final String DEFAULT_BASE_URL = "https://api.dp1.us.honeyhive.ai";
  /** The path of the traces endpoint under the base URL: {@value}. */
  public static final String TRACES_PATH = "/opentelemetry/v1/traces";
  /** The one protocol offered: {@value}. */
  public static final String HTTP_PROTOBUF = "http/protobuf";

  private HoneyHiveOtlp() {}

  /**
   * Returns an exporter configured from system properties and environment variables (see {@link Builder#fromEnv()}).
   *
   * @return the new exporter
   * @throws IllegalStateException if {@code HH_API_KEY} is not set
   * @throws IllegalArgumentException if a variable holds a bad value, naming the variable
   */
  public static OtlpHttpSpanExporter spanExporter() {
    return builder().fromEnv().build();
  }

  /**
   * Returns an exporter sending to HoneyHive's default endpoint with {@code apiKey}; reads no environment.
   *
   * @param apiKey the API key (an ingestion key suffices); surrounding white space is stripped
   * @return the new exporter
   * @throws NullPointerException if {@code apiKey} is null
   * @throws IllegalArgumentException if {@code apiKey} is blank
   */
  public static OtlpHttpSpanExporter spanExporter(String apiKey) {
    return builder().apiKey(apiKey).build();
  }

  /**
   * Returns a builder with every option at its default; nothing is read from the environment.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures an OTLP/HTTP exporter for HoneyHive. Not thread-safe; the built exporter is immutable. */
  public static final class Builder {
    private String apiKey;
    private String baseUrl = DEFAULT_BASE_URL;
    private String endpoint;
    private String protocol = HTTP_PROTOBUF;
    private Duration timeout = Duration.ofSeconds(30);
    private String source;

    Builder() {}

    /**
     * Sets the API key, sent as {@code Authorization: Bearer <key>}. Required. The key's project receives the
     * traces; an ingestion key (Settings, Project, API Keys) suffices.
     *
     * @param apiKey the key; surrounding white space is stripped
     * @return this builder
     * @throws NullPointerException if {@code apiKey} is null
     * @throws IllegalArgumentException if {@code apiKey} is blank
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = nonBlank("apiKey", apiKey);
      return this;
    }

    /**
     * Sets HoneyHive's base URL; the endpoint is it followed by {@value HoneyHiveOtlp#TRACES_PATH}. Default value is
     * {@value HoneyHiveOtlp#DEFAULT_BASE_URL}. Replaces an {@link #endpoint} set before.
     *
     * @param baseUrl the base URL, such as {@code https://api.dp1.us.honeyhive.ai}; a trailing {@code /} is ignored
     * @return this builder
     * @throws NullPointerException if {@code baseUrl} is null
     * @throws IllegalArgumentException if {@code baseUrl} is blank or not an http or https URL
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = httpUrl("baseUrl", baseUrl);
      this.endpoint = null;
      return this;
    }

    /**
     * Sets the full endpoint URL, overriding {@link #baseUrl} (until {@code baseUrl} is called again). Default: the
     * base URL followed by {@value HoneyHiveOtlp#TRACES_PATH}.
     *
     * @param endpoint the endpoint, such as {@code https://api.dp1.us.honeyhive.ai/opentelemetry/v1/traces}
     * @return this builder
     * @throws NullPointerException if {@code endpoint} is null
     * @throws IllegalArgumentException if {@code endpoint} is blank or not an http or https URL
     */
    public Builder endpoint(String endpoint) {
      this.endpoint = httpUrl("endpoint", endpoint);
      return this;
    }

    /**
     * Sets the protocol. Default value is {@code http/protobuf}, the only one offered: OpenTelemetry Java's
     * {@link OtlpHttpSpanExporter} has no public JSON encoding, and HoneyHive ingests OTLP over HTTP only (no gRPC).
     *
     * @param protocol {@code http/protobuf} (any letter case)
     * @return this builder
     * @throws NullPointerException if {@code protocol} is null
     * @throws IllegalArgumentException for any other protocol, saying why
     */
    public Builder protocol(String protocol) {
      this.protocol = checkProtocol("protocol", protocol);
      return this;
    }

    /**
     * Sets how long one export may take, its retries included. Default value is 30 seconds, as in HoneyHive's Python
     * SDK.
     *
     * @param timeout the timeout
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public Builder timeout(Duration timeout) {
      if (timeout == null) {
        throw new NullPointerException("timeout == null");
      }
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets the source sent as the {@code X-Source} header, such as {@code production}. Default: none sent.
     *
     * @param source the source; surrounding white space is stripped
     * @return this builder
     * @throws NullPointerException if {@code source} is null
     * @throws IllegalArgumentException if {@code source} is blank
     */
    public Builder source(String source) {
      this.source = nonBlank("source", source);
      return this;
    }

    /**
     * Reads every option set as a JVM system property or, failing that, an environment variable of the same name:
     * {@code HH_API_KEY}; {@code HH_API_URL} (or {@code HH_BASE_URL}, {@code HH_SERVER_URL}, as the client reads
     * them); {@code HH_OTLP_ENDPOINT}, the full endpoint, which wins over the base URL; {@code HH_OTLP_PROTOCOL};
     * {@code HH_SOURCE}. Options set later on this builder override them.
     *
     * @return this builder
     * @throws IllegalArgumentException if a variable holds a bad value, naming the variable
     */
    public Builder fromEnv() {
      return fromEnv(name -> {
        String value = System.getProperty(name);
        return value != null ? value : System.getenv(name);
      });
    }

    Builder fromEnv(Function<String, String> env) {
      String key = env.apply("HH_API_KEY");
      if (key != null && !key.isBlank()) {
        apiKey("HH_API_KEY", key);
      }
      for (String name : new String[] {"HH_API_URL", "HH_BASE_URL", "HH_SERVER_URL"}) {
        String url = env.apply(name);
        if (url != null && !url.isBlank()) {
          this.baseUrl = httpUrl(name, url);
          this.endpoint = null;
          break;
        }
      }
      String otlpEndpoint = env.apply("HH_OTLP_ENDPOINT");
      if (otlpEndpoint != null && !otlpEndpoint.isBlank()) {
        this.endpoint = httpUrl("HH_OTLP_ENDPOINT", otlpEndpoint);
      }
      String otlpProtocol = env.apply("HH_OTLP_PROTOCOL");
      if (otlpProtocol != null && !otlpProtocol.isBlank()) {
        this.protocol = checkProtocol("HH_OTLP_PROTOCOL", otlpProtocol);
      }
      String envSource = env.apply("HH_SOURCE");
      if (envSource != null && !envSource.isBlank()) {
        this.source = envSource.strip();
      }
      return this;
    }

    private void apiKey(String name, String value) {
      this.apiKey = nonBlank(name, value);
    }

    /**
     * Returns the endpoint the exporter will send to.
     *
     * @return the {@link #endpoint}, else the base URL followed by {@value HoneyHiveOtlp#TRACES_PATH}
     */
    public String resolvedEndpoint() {
      return endpoint != null ? endpoint : baseUrl + TRACES_PATH;
    }

    /**
     * Builds the exporter.
     *
     * @return the new exporter
     * @throws IllegalStateException if no API key is set
     */
    public OtlpHttpSpanExporter build() {
      if (apiKey == null) {
        throw new IllegalStateException("no HoneyHive API key: call apiKey(...) or set HH_API_KEY");
      }
      OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder()
          .setEndpoint(resolvedEndpoint())
          .setTimeout(timeout)
          .addHeader("Authorization", "Bearer " + apiKey)
          .addHeader("hh-client-language", "java")
          .addHeader("hh-client-package", ModuleVersion.PACKAGE)
          .addHeader("hh-client-version", ModuleVersion.VERSION);
      if (source != null) {
        builder.addHeader("X-Source", source);
      }
      return builder.build();
    }

    /**
     * Describes the options, never the API key (only whether one is set).
     *
     * @return the description
     */
    @Override
    public String toString() {
      return "HoneyHiveOtlp.Builder{endpoint=" + resolvedEndpoint() + ", protocol=" + protocol + ", timeout="
          + timeout + ", source=" + source + ", apiKey=" + (apiKey == null ? "unset" : "set") + "}";
    }

    private static String nonBlank(String name, String value) {
      if (value == null) {
        throw new NullPointerException(name + " == null");
      }
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value.strip();
    }

    private static String httpUrl(String name, String value) {
      String url = nonBlank(name, value);
      String lower = url.toLowerCase(Locale.ROOT);
      if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
        throw new IllegalArgumentException(name + " must be an http or https URL, but was '" + url + "'");
      }
      while (url.endsWith("/")) {
        url = url.substring(0, url.length() - 1);
      }
      return url;
    }

    private static String checkProtocol(String name, String value) {
      String protocol = nonBlank(name, value).toLowerCase(Locale.ROOT);
      if (protocol.equals(HTTP_PROTOBUF)) {
        return protocol;
      }
      if (protocol.equals("http/json")) {
        throw new IllegalArgumentException(name + " http/json is not offered: OpenTelemetry Java's"
            + " OtlpHttpSpanExporter encodes protobuf only; use http/protobuf, which HoneyHive ingests too, or a"
            + " Collector whose otlphttp exporter sets encoding: json");
      }
      throw new IllegalArgumentException(name + " must be http/protobuf (HoneyHive ingests OTLP over HTTP), but was '"
          + value.strip() + "'");
    }
  }
}
