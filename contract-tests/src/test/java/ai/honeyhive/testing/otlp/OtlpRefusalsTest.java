package ai.honeyhive.testing.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.testing.HoneyHiveTestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the OTLP route refuses, and how: the API's JSON error body naming the reason; nothing is stored. */
class OtlpRefusalsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FIRST_SPAN = "resourceSpans[0].scopeSpans[0].spans[0]";

  private final HoneyHiveTestServer server = HoneyHiveTestServer.start();

  @AfterEach
  void close() {
    server.close();
  }

  static Stream<Arguments> malformedSpans() {
    return Stream.of(
        Arguments.of("a 3-byte trace id", Spans.root().setTraceId(ByteString.copyFrom(new byte[3])),
            FIRST_SPAN + ".traceId: must be 16 bytes, was 3"),
        Arguments.of("an all-zero trace id", Spans.root().setTraceId(ByteString.copyFrom(new byte[16])),
            FIRST_SPAN + ".traceId: must not be all zero"),
        Arguments.of("a missing span id", Spans.root().clearSpanId(),
            FIRST_SPAN + ".spanId: must be 8 bytes, was 0"),
        Arguments.of("a 5-byte span id", Spans.root().setSpanId(ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5})),
            FIRST_SPAN + ".spanId: must be 8 bytes, was 5"),
        Arguments.of("a 4-byte parent span id", Spans.root().setParentSpanId(ByteString.copyFrom(new byte[] {1, 2, 3, 4})),
            FIRST_SPAN + ".parentSpanId: must be 8 bytes, was 4"),
        Arguments.of("an end before the start", Spans.root().setEndTimeUnixNano(Spans.T0 - 1),
            FIRST_SPAN + ".endTimeUnixNano: must not be before startTimeUnixNano, was "
                + (Spans.T0 - 1) + " < " + Spans.T0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedSpans")
  void aSpanBreakingOtlpsRulesIsRefusedWith400NamingIt(String what,
      io.opentelemetry.proto.trace.v1.Span.Builder span, String reason) throws Exception {
    OtlpPost.Answer answer = OtlpPost.protobuf(server, Spans.request(span).toByteArray());

    assertRefused(answer, 400, "VALIDATION_ERROR", reason);
  }

  @Test
  void everyBadSpanOfARequestIsNamedAndNoneOfItsSpansIsStored() throws Exception {
    OtlpPost.Answer answer = OtlpPost.protobuf(server, Spans.request(Spans.root(), Spans.child(),
        Spans.child().setSpanId(ByteString.copyFrom(new byte[3]))).toByteArray());

    assertRefused(answer, 400, "VALIDATION_ERROR", "resourceSpans[0].scopeSpans[0].spans[2].spanId: must be 8 bytes, was 3");
  }

  static Stream<Arguments> undecodableBodies() {
    return Stream.of(
        Arguments.of("protobuf that is not protobuf", OtlpPost.PROTOBUF, null, new byte[] {(byte) 0xff, 0x7f, 0x01},
            "body: not an OTLP ExportTraceServiceRequest in protobuf"),
        Arguments.of("JSON that is not JSON", OtlpPost.JSON, null, bytes("{\"resourceSpans\": ["),
            "body: not JSON"),
        Arguments.of("a JSON array", OtlpPost.JSON, null, bytes("[]"),
            "body: an OTLP/JSON ExportTraceServiceRequest is a JSON object"),
        Arguments.of("JSON with a base64 trace id", OtlpPost.JSON, null,
            bytes(OtlpRouteTest.JSON_BODY.replace("\"4bf92f3577b34da6a3ce929d0e0e4736\"", "\"S/kvNXezTaajzpKdDg5HNg==\"")),
            "resourceSpans[0].scopeSpans[0].spans[0].traceId: must be a hex string (OTLP/JSON), was 'S/kvNXezTaajzpKdDg5HNg=='"),
        Arguments.of("JSON with a wrongly typed field", OtlpPost.JSON, null,
            bytes("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"startTimeUnixNano\":\"soon\"}]}]}]}"),
            "body: not an OTLP/JSON ExportTraceServiceRequest"),
        Arguments.of("gzip that is not gzip", OtlpPost.PROTOBUF, "gzip", new byte[] {1, 2, 3},
            "body: Content-Encoding is gzip, but the body is not gzip"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("undecodableBodies")
  void aBodyThatDoesNotDecodeIsRefusedWith400(String what, String contentType, String encoding, byte[] body,
      String reason) throws Exception {
    OtlpPost.Answer answer = OtlpPost.send(server, "POST", body, contentType, encoding, "Bearer key");

    assertRefused(answer, 400, "BAD_REQUEST", reason);
  }

  @Test
  void anotherContentTypeIsRefusedWith415() throws Exception {
    OtlpPost.Answer answer = OtlpPost.send(server, "POST", OtlpRouteTest.JSON_BODY.getBytes(StandardCharsets.UTF_8),
        "text/plain", null, "Bearer key");

    assertRefused(answer, 415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type text/plain is not supported");
  }

  @Test
  void anotherContentEncodingIsRefusedWith415() throws Exception {
    OtlpPost.Answer answer = OtlpPost.send(server, "POST", new byte[] {1}, OtlpPost.PROTOBUF, "br", "Bearer key");

    assertRefused(answer, 415, "UNSUPPORTED_MEDIA_TYPE", "Content-Encoding br is not supported");
  }

  @Test
  void aRequestWithoutBearerTokenIsRefusedWith401LikeEveryRoute() throws Exception {
    OtlpPost.Answer answer = OtlpPost.send(server, "POST", Spans.request(Spans.root()).toByteArray(),
        OtlpPost.PROTOBUF, null, null);

    assertRefused(answer, 401, "UNAUTHORIZED", "Invalid or missing API key");
  }

  @Test
  void aWrongApiKeyIsRefusedWith401WhenTheServerRequiresOne() throws Exception {
    try (HoneyHiveTestServer strict = HoneyHiveTestServer.builder().apiKey("the-key").start()) {
      OtlpPost.Answer wrong = OtlpPost.send(strict, "POST", Spans.request(Spans.root()).toByteArray(),
          OtlpPost.PROTOBUF, null, "Bearer another-key");
      OtlpPost.Answer right = OtlpPost.protobuf(strict, Spans.request(Spans.root()).toByteArray());

      assertThat(wrong.status()).isEqualTo(401);
      assertThat(right.status()).isEqualTo(200);
    }
  }

  @Test
  void anotherMethodOnThePathIsRefusedWith405() {
    OtlpPost.Answer answer = OtlpPost.send(server, "GET", null, null, null, "Bearer key");

    assertThat(answer.status()).isEqualTo(405);
  }

  private void assertRefused(OtlpPost.Answer answer, int status, String errorCode, String reason) throws Exception {
    assertThat(answer.status()).isEqualTo(status);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.path("statusCode").asInt()).isEqualTo(status);
    assertThat(body.path("success").asBoolean(true)).isFalse();
    assertThat(body.path("errorCode").asText()).isEqualTo(errorCode);
    assertThat(body.path("message").asText()).startsWith(reason);
    assertThat(server.events()).isEmpty();
    assertThat(server.exchanges()).singleElement().satisfies(exchange -> {
      assertThat(exchange.status()).isEqualTo(status);
      assertThat(exchange.succeeded()).isFalse();
    });
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
