package ai.honeyhive.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.opentelemetry.internal.mapping.OtelIds;
import ai.honeyhive.opentelemetry.internal.mapping.SpanMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HoneyHiveSpanExporterTest {
  static final UUID SESSION = OtelIds.sessionOfTrace(Spans.TRACE);

  final FakeHoneyHive server = new FakeHoneyHive();
  final HoneyHive client = server.clientBuilder().build();

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
  }

  static boolean joined(CompletableResultCode result) {
    return result.join(10, TimeUnit.SECONDS).isSuccess();
  }

  @Test
  void startsTheSessionOfATraceOnceAcrossExports() {
    HoneyHiveSpanExporter exporter = HoneyHiveSpanExporter.create(client);

    assertThat(joined(exporter.export(List.of(Spans.child("retrieve", Attributes.empty()))))).isTrue();
    assertThat(joined(exporter.export(List.of(Spans.root("answer"))))).isTrue();
    assertThat(joined(exporter.flush())).isTrue();

    assertThat(server.sessionStarts()).singleElement().satisfies(start -> {
      assertThat(start).containsEntry("session_id", SESSION.toString());
      assertThat(start).containsEntry("session_name", "retrieve"); // the root was not in the first batch
    });
  }

  @Test
  void postsEventsWithTheIdsOfTheirSpans() {
    HoneyHiveSpanExporter exporter = HoneyHiveSpanExporter.create(client);

    exporter.export(List.of(Spans.child("retrieve", Attributes.empty()), Spans.root("answer")));
    assertThat(joined(exporter.flush())).isTrue();

    Map<String, Object> child = eventNamed("retrieve");
    Map<String, Object> root = eventNamed("answer");
    assertThat(child).containsEntry("event_id", OtelIds.eventOfSpan(SESSION, Spans.CHILD).toString())
        .containsEntry("parent_id", OtelIds.eventOfSpan(SESSION, Spans.ROOT).toString())
        .containsEntry("session_id", SESSION.toString())
        .containsEntry("event_type", "tool");
    assertThat(root).containsEntry("event_id", OtelIds.eventOfSpan(SESSION, Spans.ROOT).toString());
    assertThat(root.get("parent_id")).isIn(null, SESSION.toString());
    assertThat(server.sessionStarts()).singleElement()
        .satisfies(start -> assertThat(start).containsEntry("session_name", "answer"));
  }

  @Test
  void aModelSpanNamesItsModelInConfigAndTheSpanNameStandsInWhenItHasNone() {
    HoneyHiveSpanExporter exporter = HoneyHiveSpanExporter.create(client);

    exporter.export(List.of(
        Spans.span(Spans.TRACE, Spans.ROOT, null, "chat", Attributes.of(
            AttributeKey.stringKey("gen_ai.operation.name"), "chat",
            AttributeKey.stringKey("gen_ai.request.model"), "gpt-4o")),
        Spans.span(Spans.TRACE, Spans.CHILD, Spans.ROOT, "llm call", Attributes.of(
            AttributeKey.stringKey("openinference.span.kind"), "LLM"))));
    assertThat(joined(exporter.flush())).isTrue();

    assertThat(eventNamed("chat")).containsEntry("event_type", "model");
    assertThat(config(eventNamed("chat"))).containsEntry("model", "gpt-4o");
    assertThat(config(eventNamed("llm call"))).containsEntry("model", "llm call");
  }

  @Test
  void aSpanTheClientRefusesIsCountedAndTheRestOfTheBatchIsSent() {
    HoneyHiveSpanExporter exporter = HoneyHiveSpanExporter.create(client);
    // The SDK accepts NaN as an attribute; HoneyHive's JSON cannot carry it, so the client's builder refuses it.
    Attributes nan = Attributes.of(AttributeKey.doubleKey("score"), Double.NaN);

    CompletableResultCode result = exporter.export(List.of(Spans.child("bad", nan), Spans.root("good")));

    assertThat(joined(result)).isFalse();
    assertThat(exporter.refusedSpans()).isEqualTo(1);
    assertThat(exporter.exportedSpans()).isEqualTo(1);
    assertThat(joined(exporter.flush())).isTrue();
    assertThat(server.events()).extracting(event -> event.get("event_name")).containsExactly("good");
  }

  @Test
  void aSpanWhoseMappingThrowsIsCountedAndTheRestOfTheBatchIsSent() {
    HoneyHiveSpanExporter exporter = HoneyHiveSpanExporter.builder(client).build(record -> {
      if (record.name().equals("poison")) {
        throw new IllegalStateException("mapping bug");
      }
      return SpanMapper.map(record);
    });

    CompletableResultCode result = exporter.export(List.of(Spans.child("poison", Attributes.empty()),
        Spans.root("good")));

    assertThat(joined(result)).isFalse();
    assertThat(exporter.refusedSpans()).isEqualTo(1);
    assertThat(joined(exporter.flush())).isTrue();
    assertThat(server.events()).extracting(event -> event.get("event_name")).containsExactly("good");
  }

  @Test
  void forgetsTheLeastRecentlySeenSessionBeyondItsCapacity() {
    HoneyHiveSpanExporter exporter = HoneyHiveSpanExporter.builder(client).maxRememberedSessions(1).build();

    exporter.export(List.of(Spans.root("a")));
    exporter.export(List.of(Spans.span(Spans.OTHER_TRACE, Spans.ROOT, null, "b", Attributes.empty())));
    exporter.export(List.of(Spans.child("a-child", Attributes.empty())));
    assertThat(joined(exporter.flush())).isTrue();

    assertThat(server.sessionStarts()).extracting(start -> start.get("session_name"))
        .containsExactly("a", "b", "a-child");
  }

  @Test
  void flushFailsWhenTheServerRejectsTheEvents() {
    HoneyHiveSpanExporter exporter = HoneyHiveSpanExporter.create(client);
    server.status = 400;

    exporter.export(List.of(Spans.root("answer")));

    assertThat(joined(exporter.flush())).isFalse();
  }

  @Test
  void shutdownFlushesAndLeavesTheCallersClientOpen() {
    HoneyHiveSpanExporter exporter = HoneyHiveSpanExporter.builder(client).flushTimeout(Duration.ofSeconds(5))
        .build();
    exporter.export(List.of(Spans.root("answer")));

    assertThat(joined(exporter.shutdown())).isTrue();

    assertThat(server.events()).extracting(event -> event.get("event_name")).containsExactly("answer");
    client.session("still-open").start();
    assertThat(client.flush(Duration.ofSeconds(5)).dropped()).isZero();
  }

  @Test
  void shutdownClosesAClientTheExporterOwns() {
    HoneyHive owned = server.clientBuilder().build();
    HoneyHiveSpanExporter exporter = HoneyHiveSpanExporter.builder(owned).closeClientOnShutdown(true).build();

    assertThat(joined(exporter.shutdown())).isTrue();

    owned.session("after-close").start();
    assertThat(owned.stats().dropped()).isEqualTo(1);
  }

  @Test
  void exportAfterShutdownFailsAndShutdownIsIdempotent() {
    HoneyHiveSpanExporter exporter = HoneyHiveSpanExporter.create(client);
    CompletableResultCode first = exporter.shutdown();

    assertThat(exporter.shutdown()).isSameAs(first);
    assertThat(joined(exporter.export(List.of(Spans.root("late"))))).isFalse();
    assertThat(exporter.exportedSpans()).isZero();
  }

  @Test
  void toStringShowsTheCountersButNeverTheKey() {
    HoneyHiveSpanExporter exporter = HoneyHiveSpanExporter.create(client);
    exporter.export(List.of(Spans.root("answer")));

    assertThat(exporter.toString()).contains("exportedSpans=1").doesNotContain(FakeHoneyHive.API_KEY);
    assertThat(HoneyHiveSpanExporter.builder(client).toString()).doesNotContain(FakeHoneyHive.API_KEY);
  }

  private Map<String, Object> eventNamed(String name) {
    return server.events().stream().filter(event -> name.equals(event.get("event_name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no event named " + name + " in " + server.events()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> config(Map<String, Object> event) {
    return (Map<String, Object>) event.get("config");
  }
}
