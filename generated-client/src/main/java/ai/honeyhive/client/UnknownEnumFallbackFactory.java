package ai.honeyhive.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import com.squareup.moshi.adapters.EnumJsonAdapter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * Decodes an unknown value of a generated enum to its {@code UNKNOWN_DEFAULT_OPEN_API} constant (the generator adds
 * one to every enum) rather than failing the whole response.
 */
final class UnknownEnumFallbackFactory implements JsonAdapter.Factory {
  static final UnknownEnumFallbackFactory INSTANCE = new UnknownEnumFallbackFactory();
  static final String FALLBACK_CONSTANT = "UNKNOWN_DEFAULT_OPEN_API";

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    Class<?> raw = Types.getRawType(type);
    if (!raw.isEnum()) {
      return null;
    }
    for (Object constant : raw.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(FALLBACK_CONSTANT)) {
        return EnumJsonAdapter.create((Class) raw).withUnknownFallback((Enum) constant).nullSafe();
      }
    }
    return null;
  }
}
