package ai.honeyhive.internal.delivery;

import ai.honeyhive.client.model.Event;
import ai.honeyhive.client.model.EventUpdate;
import ai.honeyhive.client.model.SessionStartRequest;
import ai.honeyhive.errors.HoneyHiveException;
import ai.honeyhive.internal.http.DisabledGateway;
import ai.honeyhive.internal.http.Gateway;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The {@link ai.honeyhive.DeliveryMode#SYNCHRONOUS} mode: each write is one request on the caller's thread, and a failure is
 * thrown to the caller (and also counted and reported to the listener).
 */
public final class SyncDelivery implements Delivery {
  private final Gateway gateway;
  private final DeliveryCounters counters;
  private final Executor async;
  /** Counts {@code 1} per write sent; 0 for a disabled client, which sends nothing. */
  private final int sentIncrement;

  public SyncDelivery(Gateway gateway, DeliveryCounters counters, Executor async) {
    this.gateway = gateway;
    this.counters = counters;
    this.async = async;
    this.sentIncrement = gateway instanceof DisabledGateway ? 0 : 1;
  }

  @Override
  public boolean submitEvent(Event event, long fieldBytes) {
    try {
      gateway.postEvent(event);
    } catch (HoneyHiveException e) {
      counters.failed(List.of(String.valueOf(event.getEventId())), e, false);
      throw e;
    }
    counters.sent(sentIncrement);
    return true;
  }

  @Override
  public void submitSessionStart(SessionStartRequest session) {
    try {
      gateway.postSession(session);
    } catch (HoneyHiveException e) {
      counters.failed(List.of(String.valueOf(session.getSessionId())), e, false);
      throw e;
    }
    counters.sent(sentIncrement);
  }

  @Override
  public void submitUpdate(String eventId, EventUpdate update, UUID lane) {
    try {
      gateway.putEvent(eventId, update);
    } catch (HoneyHiveException e) {
      counters.failed(List.of(eventId), e, false);
      throw e;
    }
    counters.sent(sentIncrement);
  }

  @Override
  public CompletableFuture<Void> submitUpdateAsync(String eventId, EventUpdate update, UUID lane) {
    return CompletableFuture.runAsync(() -> submitUpdate(eventId, update, lane), async);
  }

  @Override
  public CompletableFuture<String> submitImport(ImportBatch batch) {
    String sessionId;
    try {
      sessionId = gateway.postImport(batch.properties, batch.events);
    } catch (HoneyHiveException e) {
      counters.failed(batch.eventIds(), e, false);
      throw e;
    }
    counters.sent(sentIncrement * batch.events.size());
    return CompletableFuture.completedFuture(sessionId);
  }

  @Override
  public DeliveryTotals flush(Duration timeout) {
    return stats();
  }

  @Override
  public DeliveryTotals stats() {
    return new DeliveryTotals(0, 0, 0, counters.sent.sum(), counters.failed.sum(), counters.dropped.sum(),
        counters.retried.sum(), counters.lastError(), counters.exporterRestarts.sum(), 0);
  }

  @Override
  public void close() {}
}
