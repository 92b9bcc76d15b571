package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.errors.BadRequestException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The delivery options: builder checks naming the option, environment variables, and the synchronous mode. */
class DeliveryConfigurationTest {
  private final MockHoneyHive mock = new MockHoneyHive();

  @AfterEach
  void tearDown() {
    mock.close();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Builder checks

  @Test
  void everyBadValueIsRejectedNamingTheOption() {
    HoneyHive.Builder builder = HoneyHive.builder();

    assertThatThrownBy(() -> builder.maxBatchSize(0)).hasMessage("maxBatchSize must be between 1 and 1000, but was 0");
    assertThatThrownBy(() -> builder.maxBatchSize(1001))
        .hasMessage("maxBatchSize must be between 1 and 1000, but was 1001");
    assertThatThrownBy(() -> builder.maxQueueSize(0))
        .hasMessage("maxQueueSize must be between 1 and 16777216, but was 0");
    assertThatThrownBy(() -> builder.maxQueueBytes(0)).hasMessage("maxQueueBytes must be at least 1, but was 0");
    assertThatThrownBy(() -> builder.maxBatchBytes(-1)).hasMessage("maxBatchBytes must be at least 1, but was -1");
    assertThatThrownBy(() -> builder.maxBatchDelay(Duration.ZERO))
        .hasMessage("maxBatchDelay must be positive, but was PT0S");
    assertThatThrownBy(() -> builder.blockTimeout(Duration.ofSeconds(-1)))
        .hasMessage("blockTimeout must be positive, but was PT-1S");
    assertThatThrownBy(() -> builder.closeTimeout(Duration.ofSeconds(-1)))
        .hasMessage("closeTimeout must not be negative, but was PT-1S");
    assertThatThrownBy(() -> builder.maxConcurrentExports(0))
        .hasMessage("maxConcurrentExports must be between 1 and 8, but was 0");
    assertThatThrownBy(() -> builder.maxConcurrentExports(9))
        .hasMessage("maxConcurrentExports must be between 1 and 8, but was 9");
    assertThatThrownBy(() -> builder.deliveryMode(null)).hasMessage("mode == null");
    assertThatThrownBy(() -> builder.queueFullPolicy(null)).hasMessage("policy == null");
    assertThatThrownBy(() -> builder.deliveryListener(null)).hasMessage("listener == null");
  }

  @Test
  void theCommonForkJoinPoolIsRefusedAsTheExecutor() {
    assertThatThrownBy(() -> HoneyHive.builder().executor(ForkJoinPool.commonPool()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ForkJoinPool.commonPool()");
  }

  @Test
  void aBatchLargerThanTheQueueIsRefusedAtBuild() {
    assertThatThrownBy(() -> mock.batchedClientBuilder().maxQueueSize(50).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("maxBatchSize (100) must not exceed maxQueueSize (50)");
    assertThatThrownBy(() -> mock.batchedClientBuilder().maxQueueBytes(1000).maxBatchBytes(2000).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("maxBatchBytes (2000) must not exceed maxQueueBytes (1000)");
  }

  @Test
  void theQueueSettingsDoNotMatterInTheSynchronousMode() {
    try (HoneyHive hh = mock.clientBuilder().maxQueueSize(50).build()) {
      assertThat(hh.deliveryMode()).isEqualTo(DeliveryMode.SYNCHRONOUS);
    }
  }

  @Test
  void aNegativeFlushTimeoutIsRejected() {
    try (HoneyHive hh = mock.batchedClientBuilder().build()) {
      assertThatThrownBy(() -> hh.flush(Duration.ofMillis(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("timeout must not be negative, but was PT-0.001S");
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Environment variables

  @ParameterizedTest
  @CsvSource({"sync, SYNCHRONOUS", "synchronous, SYNCHRONOUS", "SYNC, SYNCHRONOUS", "batched, BATCHED",
      "Batched, BATCHED"})
  void hhDeliveryChoosesTheMode(String value, DeliveryMode mode) {
    try (HoneyHive hh = fromEnv(env("HH_API_KEY", "k", "HH_DELIVERY", value, "HH_SHUTDOWN_HOOK", "false"))) {
      assertThat(hh.deliveryMode()).isEqualTo(mode);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "HH_DELIVERY|later|expected batched or sync",
      "HH_BATCH_SIZE|0|maxBatchSize must be between 1 and 1000",
      "HH_BATCH_SIZE|many|expected a whole number",
      "HH_MAX_QUEUE_SIZE|-5|maxQueueSize must be between 1 and 16777216",
      "HH_MAX_QUEUE_BYTES|0|maxQueueBytes must be at least 1",
      "HH_BATCH_BYTES|1e6|expected a whole number",
      "HH_BATCH_DELAY|0|maxBatchDelay must be positive",
      "HH_MAX_CONCURRENT_EXPORTS|0|maxConcurrentExports must be between 1 and 8",
      "HH_QUEUE_FULL|sideways|No enum constant",
      "HH_BLOCK_TIMEOUT|soon|expected a number of seconds",
      "HH_CLOSE_TIMEOUT|-1|closeTimeout must not be negative",
      "HH_SHUTDOWN_HOOK|maybe|expected true or false",
      "HH_MAX_SPOOL_BYTES|0|maxSpoolBytes must be at least 1",
      "HH_SPOOL_SYNC_INTERVAL|-1|spoolSyncInterval must be zero or more"})
  void aBadDeliveryVariableIsRejectedNamingIt(String name, String value, String message) {
    assertThatThrownBy(() -> HoneyHive.builder().fromEnv(env(name, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(name + " has an invalid value '" + value + "'")
        .hasMessageContaining(message);
  }

  @Test
  void everyDeliveryVariableIsRead() {
    Map<String, String> env = new HashMap<>(Map.of("HH_API_KEY", "k", "HH_API_URL", mock.server.url("/").toString(),
        "HH_DELIVERY", "batched", "HH_BATCH_SIZE", "2", "HH_MAX_QUEUE_SIZE", "4", "HH_MAX_QUEUE_BYTES", "100000",
        "HH_BATCH_BYTES", "50000", "HH_BATCH_DELAY", "3600", "HH_QUEUE_FULL", "drop_oldest",
        "HH_BLOCK_TIMEOUT", "0.5"));
    env.put("HH_CLOSE_TIMEOUT", "5");
    env.put("HH_SHUTDOWN_HOOK", "false");
    env.put("HH_MAX_CONCURRENT_EXPORTS", "1");
    mock.enqueueOk();
    try (HoneyHive hh = fromEnv(env::get)) {
      Session session = hh.attachSession(UUID.randomUUID().toString());
      session.tool("a").log();
      session.tool("b").log(); // HH_BATCH_SIZE=2: a full batch, sent without a flush although the delay is an hour

      assertThat(MockHoneyHive.body(mock.takeRequest()).get("events")).asList().hasSize(2);
      assertThat(hh.stats().sent()).isLessThanOrEqualTo(2);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The synchronous mode keeps counting and reporting

  @Test
  void theSynchronousModeThrowsAFailureAndAlsoCountsAndReportsIt() {
    RecordingListener listener = new RecordingListener();
    try (HoneyHive hh = mock.clientBuilder().maxRetries(0).deliveryListener(listener).build()) {
      Session session = hh.attachSession(UUID.randomUUID().toString());
      mock.enqueueOk();
      session.tool("ok").log();
      mock.enqueueJson(400, "{\"message\":\"bad\"}");

      assertThatThrownBy(() -> session.tool("bad").log()).isInstanceOf(BadRequestException.class);

      assertThat(hh.flush(Duration.ZERO)).isEqualTo(new DeliveryReport(1, 1, 0, 0));
      assertThat(listener.failures()).singleElement()
          .satisfies(failure -> assertThat(failure.cause()).isInstanceOf(BadRequestException.class));
      assertThat(hh.stats().lastError()).containsInstanceOf(BadRequestException.class);
      assertThat(hh.stats().queued()).isZero();
    }
  }

  @Test
  void theSynchronousModeSendsUpdatesAsynchronouslyOnTheExecutor() throws Exception {
    try (HoneyHive hh = mock.clientBuilder().build()) {
      mock.enqueueOk();

      hh.updateEvent(UUID.randomUUID().toString()).feedback(Map.of("rating", 5)).sendAsync()
          .get(5, java.util.concurrent.TimeUnit.SECONDS);

      assertThat(mock.takeRequest().getMethod()).isEqualTo("PUT");
      assertThat(hh.stats().sent()).isEqualTo(1);
    }
  }

  private HoneyHive fromEnv(Function<String, String> env) {
    return HoneyHive.builder().sleeper(mock.sleeps::add).fromEnv(env).build();
  }

  private static Function<String, String> env(String... namesAndValues) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      env.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return env::get;
  }
}
