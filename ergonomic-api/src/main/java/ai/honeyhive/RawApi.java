package ai.honeyhive;

import ai.honeyhive.client.api.EventsApi;
import ai.honeyhive.client.api.LegacyApi;
import ai.honeyhive.client.api.SessionsApi;
import retrofit2.Retrofit;

/**
 * The escape hatch to the generated low-level client, from {@link HoneyHive#raw()}. Calls made through these
 * interfaces share the client's connection pool, authentication, identity headers and retries, but nothing else: no
 * id generation, no validation, no error mapping (inspect {@code retrofit2.Response} yourself). These types are
 * regenerated from the spec and may change with it; code written against the rest of this package does not.
 */
public final class RawApi {
  private final Retrofit retrofit;

  RawApi(Retrofit retrofit) {
    this.retrofit = retrofit;
  }

  /**
   * Returns the generated {@code /v1} session operations.
   *
   * @return the session operations
   */
  public SessionsApi sessions() {
    return retrofit.create(SessionsApi.class);
  }

  /**
   * Returns the generated {@code /v1} event operations, batches and search included.
   *
   * @return the event operations
   */
  public EventsApi events() {
    return retrofit.create(EventsApi.class);
  }

  /**
   * Returns the generated legacy operations (deprecated routes, export).
   *
   * @return the legacy operations
   */
  public LegacyApi legacy() {
    return retrofit.create(LegacyApi.class);
  }

  /**
   * Returns the Retrofit instance behind them, for interfaces of your own.
   *
   * @return the Retrofit instance
   */
  public Retrofit retrofit() {
    return retrofit;
  }
}
