package ai.honeyhive.opentelemetry.internal.export;

import ai.honeyhive.Session;
import ai.honeyhive.opentelemetry.internal.bridge.OpenTelemetryContextBridge;
import ai.honeyhive.opentelemetry.internal.mapping.MappedEvent;
import ai.honeyhive.opentelemetry.internal.mapping.SessionStarts;
import ai.honeyhive.opentelemetry.internal.mapping.SpanDataRecords;
import ai.honeyhive.opentelemetry.internal.mapping.SpanRecord;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Exports one batch of spans in three steps: map every span (pure), start the sessions the batch opens, log every
 * event. A batch of {@link #PARALLEL_MIN} spans or more is split in two for the first and the last step, one half on
 * the span processor's thread and the other on {@code helper}'s, so the export keeps up with the processor on a
 * machine with a second core; the sessions are started between the two, before any of their events. Everything runs
 * with OpenTelemetry's root context current, so the client's bridge never re-parents what the exporter writes (a
 * {@code SimpleSpanProcessor} exports on the application's thread, inside its spans). Thread-safe.
 */
public final class SpanBatch {
  /** The smallest batch split between two threads. */
  static final int PARALLEL_MIN = 64;

  private final Function<SpanRecord, MappedEvent> mapper;
  private final EventWriter writer;
  private final StartedSessions started;
  private final Warnings warnings;
  private final Executor helper;

  /** What one batch came to. */
  public record Outcome(long logged, long refused, boolean sessionsStarted) {}

  /** Exports with {@code mapper} through {@code writer}, splitting large batches with {@code helper}. */
  public SpanBatch(Function<SpanRecord, MappedEvent> mapper, EventWriter writer, StartedSessions started,
      Warnings warnings, Executor helper) {
    this.mapper = mapper;
    this.writer = writer;
    this.started = started;
    this.warnings = warnings;
    this.helper = helper;
  }

  /** Maps, starts and logs {@code spans}; never throws for one span (it is counted as refused). */
  public Outcome export(Collection<SpanData> spans) {
    try (Scope ignored = Context.root().makeCurrent()) {
      List<SpanData> list = spans instanceof List<SpanData> given ? given : new ArrayList<>(spans);
      MappedEvent[] events = new MappedEvent[list.size()];
      long refused = inTwo(list.size(), (from, to) -> map(list, events, from, to));
      boolean sessionsStarted = startSessions(events);
      refused += inTwo(events.length, (from, to) -> log(events, from, to));
      return new Outcome(list.size() - refused, refused, sessionsStarted);
    }
  }

  private long map(List<SpanData> spans, MappedEvent[] events, int from, int to) {
    long refused = 0;
    for (int i = from; i < to; i++) {
      try {
        events[i] = mapper.apply(SpanDataRecords.of(spans.get(i)));
      } catch (RuntimeException e) {
        refused++;
        warnings.warn("a span could not be mapped to a HoneyHive event and was skipped", e);
      }
    }
    return refused;
  }

  private boolean startSessions(MappedEvent[] events) {
    List<MappedEvent> mapped = Arrays.stream(events).filter(event -> event != null).toList();
    boolean ok = true;
    for (SessionStarts.Start start : SessionStarts.plan(mapped,
        id -> started.contains(id) || OpenTelemetryContextBridge.startedByClient(id))) {
      try {
        writer.start(start);
        started.add(start.sessionId());
      } catch (RuntimeException e) {
        ok = false;
        warnings.warn("a session could not be started; its events are sent all the same", e);
      }
    }
    return ok;
  }

  private long log(MappedEvent[] events, int from, int to) {
    Map<UUID, Session> sessions = new HashMap<>();
    long refused = 0;
    for (int i = from; i < to; i++) {
      if (events[i] == null) {
        continue; // not mapped: counted then
      }
      try {
        writer.log(events[i], sessions);
      } catch (RuntimeException e) {
        refused++;
        warnings.warn("the client refused a span's event, which was skipped", e);
      }
    }
    return refused;
  }

  /** Runs {@code task} over {@code [0, n)}, split in two halves for large batches; returns the sum of its counts. */
  private long inTwo(int n, RangeTask task) {
    if (n < PARALLEL_MIN) {
      return task.run(0, n);
    }
    int half = n / 2;
    CompletableFuture<Long> other;
    try {
      other = CompletableFuture.supplyAsync(() -> {
        try (Scope ignored = Context.root().makeCurrent()) {
          return task.run(half, n);
        }
      }, helper);
    } catch (RejectedExecutionException e) { // the exporter is shutting down: all on this thread
      return task.run(0, n);
    }
    long mine = task.run(0, half);
    return mine + other.join(); // the task catches per span: it completes normally
  }

  @FunctionalInterface
  private interface RangeTask {
    long run(int from, int to);
  }
}
