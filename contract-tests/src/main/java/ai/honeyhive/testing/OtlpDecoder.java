package ai.honeyhive.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Turns the body of an OTLP/HTTP trace export into an {@link ExportTraceServiceRequest}: binary protobuf with OTLP's
 * own classes, OTLP/JSON with protobuf's {@link JsonFormat} (no decoder of our own), after undoing
 * {@code Content-Encoding: gzip}.
 *
 * <p>OTLP/JSON is protobuf's JSON mapping with one exception: trace and span ids ({@code traceId}, {@code spanId},
 * {@code parentSpanId}, in spans and in span links) are hex strings, where the mapping has base64 for {@code bytes}.
 * They are rewritten from hex to base64 in the parsed JSON before {@code JsonFormat} reads it. Everything else is the
 * mapping's: enums as names or integers, 64-bit integers as strings or numbers, unknown fields ignored (as OTLP
 * requires of receivers).
 */
final class OtlpDecoder {
  /** The two encodings OTLP/HTTP defines, by the {@code Content-Type} that names them. */
  enum Format {
    PROTOBUF("application/x-protobuf"), JSON("application/json");

    final String mediaType;

    Format(String mediaType) {
      this.mediaType = mediaType;
    }
  }

  private static final JsonFormat.Parser JSON_PARSER = JsonFormat.parser().ignoringUnknownFields();

  private OtlpDecoder() {}

  /**
   * The format a {@code Content-Type} names, parameters such as {@code charset} ignored.
   *
   * @throws OtlpRefusal 415 when it is missing or neither OTLP format
   */
  static Format format(String contentType) throws OtlpRefusal {
    if (contentType == null || contentType.isBlank()) {
      throw OtlpRefusal.unsupported("Content-Type is missing: send application/x-protobuf or application/json");
    }
    String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    for (Format format : Format.values()) {
      if (format.mediaType.equals(mediaType)) {
        return format;
      }
    }
    throw OtlpRefusal.unsupported("Content-Type " + mediaType
        + " is not supported: send application/x-protobuf or application/json");
  }

  /**
   * Undoes the {@code Content-Encoding}: none, {@code identity} or {@code gzip}.
   *
   * @throws OtlpRefusal 415 for another encoding, 400 for a body that is not gzip
   */
  static byte[] decompress(String contentEncoding, byte[] body) throws OtlpRefusal {
    String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
    if (encoding.isEmpty() || encoding.equals("identity")) {
      return body;
    }
    if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
      throw OtlpRefusal.unsupported("Content-Encoding " + encoding + " is not supported: send gzip or none");
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw OtlpRefusal.undecodable("body: Content-Encoding is gzip, but the body is not gzip: " + e.getMessage());
    }
  }

  /**
   * Decodes an (uncompressed) body.
   *
   * @throws OtlpRefusal 400 naming what does not decode
   */
  static ExportTraceServiceRequest decode(Format format, byte[] body) throws OtlpRefusal {
    return format == Format.PROTOBUF ? decodeProtobuf(body) : decodeJson(body);
  }

  private static ExportTraceServiceRequest decodeProtobuf(byte[] body) throws OtlpRefusal {
    try {
      return ExportTraceServiceRequest.parseFrom(body);
    } catch (InvalidProtocolBufferException e) {
      throw OtlpRefusal.undecodable("body: not an OTLP ExportTraceServiceRequest in protobuf: " + e.getMessage());
    }
  }

  private static ExportTraceServiceRequest decodeJson(byte[] body) throws OtlpRefusal {
    Object tree;
    try {
      tree = Json.parse(new String(body, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw OtlpRefusal.undecodable("body: " + e.getMessage());
    }
    Map<String, Object> request = Json.object(tree);
    if (request == null) {
      throw OtlpRefusal.undecodable("body: an OTLP/JSON ExportTraceServiceRequest is a JSON object");
    }
    hexIdsToBase64(request);
    ExportTraceServiceRequest.Builder builder = ExportTraceServiceRequest.newBuilder();
    try {
      JSON_PARSER.merge(Json.write(request), builder);
    } catch (InvalidProtocolBufferException e) {
      throw OtlpRefusal.undecodable("body: not an OTLP/JSON ExportTraceServiceRequest: " + e.getMessage());
    }
    return builder.build();
  }

  /**
   * Rewrites the hex ids of every span and span link as base64, in place. Both spellings of a field name are
   * rewritten ({@code traceId} and {@code trace_id}), since {@link JsonFormat} accepts both.
   */
  static void hexIdsToBase64(Map<String, Object> request) throws OtlpRefusal {
    List<Object> resourceSpans = list(request, "resourceSpans", "resource_spans");
    for (int r = 0; r < resourceSpans.size(); r++) {
      List<Object> scopeSpans = list(Json.object(resourceSpans.get(r)), "scopeSpans", "scope_spans");
      for (int s = 0; s < scopeSpans.size(); s++) {
        List<Object> spans = list(Json.object(scopeSpans.get(s)), "spans", "spans");
        for (int i = 0; i < spans.size(); i++) {
          Map<String, Object> span = Json.object(spans.get(i));
          String where = "resourceSpans[" + r + "].scopeSpans[" + s + "].spans[" + i + "]";
          idsToBase64(span, where, "traceId", "trace_id", "spanId", "span_id", "parentSpanId", "parent_span_id");
          List<Object> links = list(span, "links", "links");
          for (int l = 0; l < links.size(); l++) {
            idsToBase64(Json.object(links.get(l)), where + ".links[" + l + "]",
                "traceId", "trace_id", "spanId", "span_id");
          }
        }
      }
    }
  }

  /** The array under either name; empty when absent or not an array (JsonFormat then names the problem). */
  private static List<Object> list(Map<String, Object> object, String name, String alias) {
    if (object == null) {
      return List.of();
    }
    List<Object> value = Json.array(object.get(name));
    value = value != null ? value : Json.array(object.get(alias));
    return value != null ? value : List.of();
  }

  private static void idsToBase64(Map<String, Object> object, String where, String... names) throws OtlpRefusal {
    if (object == null) {
      return;
    }
    for (int i = 0; i < names.length; i++) {
      Object value = object.get(names[i]);
      if (value instanceof String hex) {
        object.put(names[i], base64OfHex(hex, where + "." + names[i - i % 2]));
      }
    }
  }

  private static String base64OfHex(String hex, String where) throws OtlpRefusal {
    try {
      return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw OtlpRefusal.undecodable(where + ": must be a hex string (OTLP/JSON), was '" + hex + "'");
    }
  }
}
