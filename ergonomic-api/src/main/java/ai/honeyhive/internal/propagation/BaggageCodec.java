package ai.honeyhive.internal.propagation;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The W3C Baggage header format, and nothing HoneyHive-specific: parses members into keys and percent-decoded values,
 * percent-encodes values, and merges a new header value with members of other systems. Never throws on bad input;
 * what it skips is logged at debug level (logger {@code ai.honeyhive.propagation}).
 */
public final class BaggageCodec {
  private static final Logger log = LoggerFactory.getLogger("ai.honeyhive.propagation");
  private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

  private BaggageCodec() {}

  /**
   * Parses every {@code baggage} header value, as one list. Properties ({@code ;...}) are dropped, values
   * percent-decoded; a member that cannot be read is skipped (and logged), the rest still count. Returns each key's
   * values in order of arrival.
   */
  public static Map<String, List<String>> parse(List<String> headerValues) {
    Map<String, List<String>> members = new LinkedHashMap<>();
    for (String headerValue : headerValues) {
      for (String member : headerValue.split(",", -1)) {
        int semicolon = member.indexOf(';');
        String pair = (semicolon < 0 ? member : member.substring(0, semicolon)).strip();
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        if (equals <= 0) {
          log.debug("ignoring baggage member '{}': expected key=value", abbreviate(pair));
          continue;
        }
        String key = pair.substring(0, equals).strip();
        if (!isToken(key)) {
          log.debug("ignoring baggage member '{}': its key is not a token", abbreviate(pair));
          continue;
        }
        String value = decode(pair.substring(equals + 1).strip());
        if (value == null) {
          log.debug("ignoring baggage member {}: its value is not valid percent-encoded UTF-8", key);
          continue;
        }
        members.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
    }
    return members;
  }

  /**
   * Returns {@code ours} followed by the members of {@code existing} (one or more baggage header values, comma
   * separated; may be null) whose keys are not in {@code replaced}: a member from another system survives, a stale one
   * of ours is dropped.
   */
  public static String merge(String ours, String existing, Collection<String> replaced) {
    if (existing == null || existing.isBlank()) {
      return ours;
    }
    StringBuilder out = new StringBuilder(ours);
    for (String member : existing.split(",")) {
      String trimmed = member.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      String key = (equals < 0 ? trimmed : trimmed.substring(0, equals)).strip();
      if (!replaced.contains(key)) {
        out.append(',').append(trimmed);
      }
    }
    return out.toString();
  }

  /**
   * Percent-encodes what a W3C baggage value may not hold as is (controls, space, {@code " , ; \ %} and non-ASCII), and
   * {@code +}, which W3C allows but Python's OpenTelemetry decodes as a space ({@code unquote_plus}).
   */
  public static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c > 0x20 && c < 0x7f && c != '"' && c != ',' && c != ';' && c != '\\' && c != '%' && c != '+') {
        out.append((char) c);
      } else {
        out.append('%').append(UPPER_HEX[c >> 4]).append(UPPER_HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /** Percent-decodes UTF-8; null when an escape is broken or the bytes are not UTF-8. */
  public static String decode(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    int i = 0;
    while (i < value.length()) {
      int percent = value.indexOf('%', i);
      int end = percent < 0 ? value.length() : percent;
      byte[] run = value.substring(i, end).getBytes(StandardCharsets.UTF_8);
      bytes.write(run, 0, run.length);
      if (percent < 0) {
        break;
      }
      if (percent + 2 >= value.length()) {
        return null;
      }
      int high = Character.digit(value.charAt(percent + 1), 16);
      int low = Character.digit(value.charAt(percent + 2), 16);
      if (high < 0 || low < 0) {
        return null;
      }
      bytes.write(high << 4 | low);
      i = percent + 3;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean isToken(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean tchar = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!tchar) {
        return false;
      }
    }
    return true;
  }

  public static String abbreviate(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }
}
