package ai.honeyhive.testing.otlp;

import ai.honeyhive.testing.HoneyHiveTestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Raw OTLP/HTTP posts to a test server's {@code /opentelemetry/v1/traces}, with any headers a test needs. */
final class OtlpPost {
  static final String PATH = "/opentelemetry/v1/traces";
  static final String PROTOBUF = "application/x-protobuf";
  static final String JSON = "application/json";

  private static final OkHttpClient CLIENT = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

  private OtlpPost() {}

  /** What the server answered. */
  record Answer(int status, String contentType, String body) {}

  static Answer protobuf(HoneyHiveTestServer server, byte[] body) {
    return send(server, "POST", body, PROTOBUF, null, "Bearer " + server.apiKey());
  }

  static Answer json(HoneyHiveTestServer server, String body) {
    return send(server, "POST", body.getBytes(StandardCharsets.UTF_8), JSON, null, "Bearer " + server.apiKey());
  }

  static Answer send(HoneyHiveTestServer server, String method, byte[] body, String contentType, String encoding,
      String authorization) {
    Request.Builder request = new Request.Builder().url(server.url(PATH))
        .method(method, body == null ? null : RequestBody.create(body, contentType == null ? null
            : MediaType.get(contentType)));
    if (encoding != null) {
      request.header("Content-Encoding", encoding);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try (Response response = CLIENT.newCall(request.build()).execute()) {
      return new Answer(response.code(), response.header("Content-Type"), response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
