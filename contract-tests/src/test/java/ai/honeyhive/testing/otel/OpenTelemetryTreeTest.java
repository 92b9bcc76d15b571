package ai.honeyhive.testing.otel;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.CurrentScope;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.opentelemetry.HoneyHiveSpanExporter;
import ai.honeyhive.opentelemetry.internal.mapping.OtelIds;
import ai.honeyhive.testing.HoneyHiveTestServer;
import ai.honeyhive.testing.StoredEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * OpenTelemetry spans and HoneyHive's own spans in one session tree, through the exporter and the context bridge,
 * stored by the test server: one process, and two services joined by W3C propagation.
 */
class OpenTelemetryTreeTest {
  private final HoneyHiveTestServer server = HoneyHiveTestServer.start();

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void otelSpansAndHoneyHiveSpansNestInOneSession() {
    try (HoneyHive hh = server.clientBuilder().build()) {
      server.flushBeforeQueries(hh);
      HoneyHiveSpanExporter exporter = HoneyHiveSpanExporter.create(hh);
      SdkTracerProvider provider =
          SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
      Tracer tracer = provider.get("shop");
      Span handler = tracer.spanBuilder("POST /chat").setSpanKind(SpanKind.SERVER).startSpan();
      String sessionId;
      Scope handlerScope = handler.makeCurrent();
      try {
        Session session = hh.session("support-chat").start(); // joins the trace: no id of its own
        sessionId = session.sessionId();
        session.chain("answer").run(chain -> {
          Span http = tracer.spanBuilder("GET /inventory").setSpanKind(SpanKind.CLIENT).startSpan();
          Scope inner = http.makeCurrent();
          try {
            chain.model("gpt-4o").log(); // runs inside the OTel call: nests under it
          } finally {
            inner.close();
            http.end();
          }
          chain.tool("lookup").log();
        });
      } finally {
        handlerScope.close();
        handler.end();
      }
      assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
      provider.close();

      assertThat(sessionId).isEqualTo(OtelIds.sessionOfTrace(handler.getSpanContext().getTraceId()).toString());
      assertThat(server.sessionTree(sessionId).outline()).isEqualTo(""
          + "session \"support-chat\"\n"
          + "└── tool \"POST /chat\"\n"
          + "    └── chain \"answer\"\n"
          + "        ├── tool \"GET /inventory\"\n"
          + "        │   └── model \"gpt-4o\"\n"
          + "        └── tool \"lookup\"\n");
      // the exporter does not start the session the client started (the bridge tells it)
      assertThat(server.duplicateDeliveries()).isEmpty();
    }
  }

  @Test
  void whatTheExporterWritesOnTheApplicationsThreadIsNeverReparented() {
    try (HoneyHive hh = server.clientBuilder().build()) {
      server.flushBeforeQueries(hh);
      SdkTracerProvider provider = SdkTracerProvider.builder()
          .addSpanProcessor(SimpleSpanProcessor.create(HoneyHiveSpanExporter.create(hh))).build();
      Tracer tracer = provider.get("app");
      Session session = hh.session("agent").start();
      CurrentScope current = session.makeCurrent(); // OTel's spans start under the session
      try {
        Span first = tracer.spanBuilder("first").startSpan();
        Span second = tracer.spanBuilder("second").startSpan();
        Scope inSecond = second.makeCurrent();
        try {
          first.end(); // exported here, on this thread, while "second" of the same session is current
        } finally {
          inSecond.close();
          second.end();
        }
      } finally {
        current.close();
      }
      provider.close();

      assertThat(server.sessionTree(session.sessionId()).outline()).isEqualTo(""
          + "session \"agent\"\n"
          + "├── tool \"first\"\n"
          + "└── tool \"second\"\n");
    }
  }

  @Test
  void aTraceAcrossTwoServicesEndsInOneSession() {
    Map<String, String> headers = new HashMap<>();
    String traceId;
    try (HoneyHive frontHh = server.clientBuilder().source("front").build();
        HoneyHive backHh = server.clientBuilder().source("back").build()) {
      server.flushBeforeQueries(frontHh);
      server.flushBeforeQueries(backHh);
      SdkTracerProvider front = SdkTracerProvider.builder()
          .addSpanProcessor(SimpleSpanProcessor.create(HoneyHiveSpanExporter.create(frontHh))).build();
      SdkTracerProvider back = SdkTracerProvider.builder()
          .addSpanProcessor(SimpleSpanProcessor.create(HoneyHiveSpanExporter.create(backHh))).build();

      Span checkout = front.get("front").spanBuilder("checkout").setSpanKind(SpanKind.SERVER).startSpan();
      traceId = checkout.getSpanContext().getTraceId();
      Scope outer = checkout.makeCurrent();
      try {
        Span call = front.get("front").spanBuilder("POST /price").setSpanKind(SpanKind.CLIENT).startSpan();
        Scope inner = call.makeCurrent();
        try {
          W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
          // the other service, handed the headers
          Context remote = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, GETTER);
          Span handle = back.get("back").spanBuilder("price").setParent(remote).setSpanKind(SpanKind.SERVER)
              .startSpan();
          Scope b = handle.makeCurrent();
          try {
            back.get("back").spanBuilder("SELECT prices").setSpanKind(SpanKind.CLIENT).startSpan().end();
          } finally {
            b.close();
            handle.end();
          }
        } finally {
          inner.close();
          call.end();
        }
      } finally {
        outer.close();
        checkout.end();
      }
      back.forceFlush().join(10, TimeUnit.SECONDS);
      front.forceFlush().join(10, TimeUnit.SECONDS);
      back.close();
      front.close();
    }
    String sessionId = OtelIds.sessionOfTrace(traceId).toString();
    String outline = server.sessionTree(sessionId).outline();
    assertThat(outline.substring(outline.indexOf('\n') + 1)).isEqualTo(""
        + "└── tool \"checkout\"\n"
        + "    └── tool \"POST /price\"\n"
        + "        └── tool \"price\"\n"
        + "            └── tool \"SELECT prices\"\n");
    assertThat(server.sessionIds()).containsExactly(sessionId);
    assertThat(server.events()).filteredOn(StoredEvent::isSession).extracting(StoredEvent::sessionId)
        .containsExactly(sessionId); // started by both services: the start is idempotent
    assertThat(server.eventsInSession(sessionId)).filteredOn(event -> !event.isSession())
        .extracting(StoredEvent::source).containsExactlyInAnyOrder("front", "front", "back", "back");
  }

  private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };
}
