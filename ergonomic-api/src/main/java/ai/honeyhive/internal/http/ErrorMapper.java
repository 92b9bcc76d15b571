package ai.honeyhive.internal.http;

import ai.honeyhive.client.HoneyHiveJson;
import ai.honeyhive.client.model.ErrorResponse;
import ai.honeyhive.errors.AuthenticationException;
import ai.honeyhive.errors.BadRequestException;
import ai.honeyhive.errors.ConflictException;
import ai.honeyhive.errors.HoneyHiveApiException;
import ai.honeyhive.errors.InternalServerException;
import ai.honeyhive.errors.NotFoundException;
import ai.honeyhive.errors.PermissionDeniedException;
import ai.honeyhive.errors.RateLimitException;
import ai.honeyhive.errors.UnprocessableEntityException;
import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.ResponseBody;

/** Turns an HTTP error response into the matching {@link HoneyHiveApiException} subclass. */
public final class ErrorMapper {
  private static final int MAX_BODY_CHARS = 64 * 1024;
  private static final int MAX_NON_JSON_MESSAGE_CHARS = 200;
  private static final JsonAdapter<ErrorResponse> ERROR_BODY = HoneyHiveJson.moshi().adapter(ErrorResponse.class);

  private final RetryPolicy retryPolicy;

  public ErrorMapper(RetryPolicy retryPolicy) {
    this.retryPolicy = retryPolicy;
  }

  public HoneyHiveApiException toException(String request, int status, Headers headers, ResponseBody body) {
    String text = readText(body);
    String message = null;
    String errorCode = null;
    ErrorResponse parsed = parse(text);
    if (parsed != null) {
      message = parsed.getMessage();
      errorCode = parsed.getErrorCode();
    } else if (!text.isBlank()) {
      message = describeNonJson(text);
    }
    Map<String, List<String>> headerMap = headers.toMultimap();
    switch (status) {
      case 400:
        return new BadRequestException(request, status, headerMap, message, errorCode);
      case 401:
        return new AuthenticationException(request, status, headerMap, message, errorCode);
      case 403:
        return new PermissionDeniedException(request, status, headerMap, message, errorCode);
      case 404:
        return new NotFoundException(request, status, headerMap, message, errorCode);
      case 409:
        return new ConflictException(request, status, headerMap, message, errorCode);
      case 422:
        return new UnprocessableEntityException(request, status, headerMap, message, errorCode);
      case 429:
        return new RateLimitException(request, status, headerMap, message, errorCode,
            retryPolicy.parseRetryAfter(headers.get("Retry-After")));
      default:
        if (status >= 500) {
          return new InternalServerException(request, status, headerMap, message, errorCode);
        }
        return new HoneyHiveApiException(request, status, headerMap, message, errorCode);
    }
  }

  private static String readText(ResponseBody body) {
    if (body == null) {
      return "";
    }
    try (body) {
      String text = body.string();
      return text.length() > MAX_BODY_CHARS ? text.substring(0, MAX_BODY_CHARS) : text;
    } catch (IOException e) {
      return "";
    }
  }

  private static ErrorResponse parse(String text) {
    String trimmed = text.trim();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      return ERROR_BODY.fromJson(trimmed);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** A load balancer's HTML page: keep its gist, not its markup. */
  private static String describeNonJson(String text) {
    String plain = text.replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ").trim();
    if (plain.length() > MAX_NON_JSON_MESSAGE_CHARS) {
      plain = plain.substring(0, MAX_NON_JSON_MESSAGE_CHARS) + "…";
    }
    return "non-JSON response: " + plain;
  }
}
