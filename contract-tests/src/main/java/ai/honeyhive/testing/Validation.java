package ai.honeyhive.testing;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Runs the spec's validator on what the server receives and sends, and words its findings. */
final class Validation {
  private static final Pattern PATH_PREFIX = Pattern.compile("^\\[Path '([^']*)'\\]\\s*");

  private Validation() {}

  /** Validates {@code request} exactly as it arrived: method, path, query, headers and body. */
  static List<String> checkRequest(ApiSpec spec, IncomingRequest request) {
    HttpUrl url = request.recorded.getUrl();
    Set<String> declared = spec.queryParameters(request.operationId());
    List<String> undeclared = new ArrayList<>();
    SimpleRequest.Builder simple = new SimpleRequest.Builder(request.method, request.path);
    for (String name : url.queryParameterNames()) {
      if (!declared.contains(name) && declared.stream().anyMatch(known -> known.contains("["))) {
        // swagger-request-validator 2.46 turns each declared name into a regular expression, unquoted, to look for
        // deepObject keys among undeclared parameters: a declared name with brackets (datapoint_ids[]) breaks it.
        // Keep them from it, and report them as it would.
        undeclared.add("[validation.request.parameter.query.unexpected] Query parameter '" + name
            + "' is unexpected on path \"" + request.path + "\"");
        continue;
      }
      simple.withQueryParam(name, url.queryParameterValues(name));
    }
    for (String name : request.headers().names()) {
      simple.withHeader(name, request.headers().values(name));
    }
    if (!request.body.isEmpty()) {
      simple.withBody(request.body);
    }
    List<String> errors = errors(spec.validateRequest(simple.build()));
    errors.addAll(undeclared);
    return errors;
  }

  /** Validates the server's own {@code reply} to {@code request} against the operation's responses. */
  static List<String> checkResponse(ApiSpec spec, IncomingRequest request, Reply reply) {
    SimpleResponse.Builder response = new SimpleResponse.Builder(reply.status());
    if (reply.body() != null) {
      response.withContentType("application/json").withBody(reply.body());
    }
    return errors(spec.validateResponse(request.path,
        Request.Method.valueOf(request.method.toUpperCase(Locale.ROOT)), response.build()));
  }

  /**
   * The errors of {@code report}, one line each: {@code [key] where: what}, where {@code where} names the field
   * ({@code event_type}, {@code children_ids[0]}), the parameter, or {@code body} for the body as a whole.
   */
  static List<String> errors(ValidationReport report) {
    List<String> errors = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        errors.add("[" + message.getKey() + "] " + describe(message));
      }
    }
    return errors;
  }

  /** The message without its key: {@code event_type: Instance value ("banana") not found in enum (...)}. */
  static String describe(ValidationReport.Message message) {
    String text = message.getMessage().strip();
    String where = null;
    Matcher prefix = PATH_PREFIX.matcher(text);
    if (prefix.find()) {
      where = fieldName(prefix.group(1));
      text = text.substring(prefix.end());
    }
    if (where == null) {
      where = message.getContext()
          .flatMap(context -> context.getParameter().map(p -> p.getIn() + " parameter " + p.getName()))
          .orElse(null);
    }
    if (where == null && message.getKey().contains(".body")) {
      where = "body";
    }
    if (message.getKey().endsWith("additionalProperties")) {
      text = unrecognizedKeys(text);
    }
    return where == null ? text : where + ": " + text;
  }

  /** Words the validator's "properties which are not allowed: ["a","b"]" the way the API does. */
  private static String unrecognizedKeys(String text) {
    Matcher list = Pattern.compile("\\[(.*)\\]\\s*$").matcher(text);
    if (!list.find()) {
      return text;
    }
    List<String> keys = new ArrayList<>();
    Matcher key = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(list.group(1));
    while (key.find()) {
      keys.add("'" + key.group(1) + "'");
    }
    if (keys.isEmpty()) {
      return text;
    }
    return (keys.size() == 1 ? "unrecognized key " : "unrecognized keys ") + String.join(", ", keys);
  }

  /** Turns a JSON pointer into a field name: {@code /a/b/0} becomes {@code a.b[0]}; {@code /} becomes {@code body}. */
  static String fieldName(String pointer) {
    StringBuilder name = new StringBuilder();
    for (String token : pointer.split("/")) {
      if (token.isEmpty()) {
        continue;
      }
      String unescaped = token.replace("~1", "/").replace("~0", "~");
      if (unescaped.chars().allMatch(Character::isDigit)) {
        name.append('[').append(unescaped).append(']');
      } else {
        name.append(name.length() == 0 ? "" : ".").append(unescaped);
      }
    }
    return name.length() == 0 ? "body" : name.toString();
  }

  /** The message of an error body: the findings without their keys, joined with "; ". */
  static String errorMessage(List<String> errors) {
    List<String> parts = new ArrayList<>();
    for (String error : errors) {
      int close = error.startsWith("[") ? error.indexOf("] ") : -1;
      parts.add(close > 0 ? error.substring(close + 2) : error);
    }
    return String.join("; ", parts);
  }
}
