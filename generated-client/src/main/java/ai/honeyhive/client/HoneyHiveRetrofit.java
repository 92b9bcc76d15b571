package ai.honeyhive.client;

import com.squareup.moshi.Moshi;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Builds the {@link Retrofit} instance behind the generated API interfaces ({@code SessionsApi}, {@code EventsApi},
 * {@code LegacyApi}).
 *
 * <pre>{@code
 * OkHttpClient http = new OkHttpClient.Builder()
 *     .addInterceptor(new BearerTokenInterceptor(apiKey))
 *     .build();
 * EventsApi events = HoneyHiveRetrofit.create(HoneyHiveRetrofit.DEFAULT_BASE_URL, http)
 *     .create(EventsApi.class);
 * }</pre>
 *
 * <p>This is the low-level client: no retries, no batching, no validation beyond the types. Most applications want
 * the ergonomic {@code ai.honeyhive.HoneyHive} client instead.
 */
public final class HoneyHiveRetrofit {
  /**
   * HoneyHive's managed data plane, {@code https://api.dp1.us.honeyhive.ai/}: the default of HoneyHive's data-plane
   * spec 1.9.0 and of its Python SDK since 1.0.1. Dedicated and self-hosted data planes have their own URL.
   */
  public static final HttpUrl DEFAULT_BASE_URL = HttpUrl.get("https://api.dp1.us.honeyhive.ai/");

  private HoneyHiveRetrofit() {}

  /**
   * Returns a Retrofit instance for {@code baseUrl} that sends calls through {@code client} and uses
   * {@link HoneyHiveJson#moshi()}.
   *
   * @param baseUrl the API's base URL; a path, if any, must end with {@code /}
   * @param client the HTTP client; add a {@link BearerTokenInterceptor} to it for authentication
   * @return a new Retrofit instance
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code baseUrl} has a path that does not end with {@code /}
   */
  public static Retrofit create(HttpUrl baseUrl, OkHttpClient client) {
    return create(baseUrl, client, HoneyHiveJson.moshi());
  }

  /**
   * Like {@link #create(HttpUrl, OkHttpClient)}, with a caller-supplied Moshi (start it from
   * {@link HoneyHiveJson#configure(Moshi.Builder)}).
   *
   * @param baseUrl the API's base URL; a path, if any, must end with {@code /}
   * @param client the HTTP client
   * @param moshi the JSON configuration
   * @return a new Retrofit instance
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code baseUrl} has a path that does not end with {@code /}
   */
  public static Retrofit create(HttpUrl baseUrl, OkHttpClient client, Moshi moshi) {
    if (baseUrl == null) throw new NullPointerException("baseUrl == null");
    if (client == null) throw new NullPointerException("client == null");
    if (moshi == null) throw new NullPointerException("moshi == null");
    return new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(client)
        .addConverterFactory(MoshiConverterFactory.create(moshi))
        .build();
  }
}
