package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Generated types stay behind the ergonomic layer, so regenerating the client cannot break code written against it
 * (the one exception is the documented escape hatch, {@link RawApi} and {@link HoneyHive#raw()}); and internal types
 * never appear in the API packages' public signatures, so the internals can change in any release.
 */
class PublicApiTest {
  private static final String GENERATED_PACKAGE = "ai.honeyhive.client";
  private static final String INTERNAL_PACKAGE = "ai.honeyhive.internal";

  @Test
  void noGeneratedOrInternalTypeAppearsInAPublicSignatureOutsideTheEscapeHatch() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : ApiTypes.all()) {
      if (type == RawApi.class) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        if (isVisible(method.getModifiers()) && !(type == HoneyHive.class && method.getName().equals("raw"))) {
          check(leaks, method, method.getGenericReturnType());
          checkParameters(leaks, method);
        }
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (isVisible(constructor.getModifiers())) {
          checkParameters(leaks, constructor);
        }
      }
      for (Field field : type.getDeclaredFields()) {
        if (isVisible(field.getModifiers())) {
          check(leaks, field, field.getGenericType());
        }
      }
      check(leaks, type, type.getGenericSuperclass());
      for (Type implemented : type.getGenericInterfaces()) {
        check(leaks, type, implemented);
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void theCheckCatchesAnInternalTypeInASignature() throws Exception {
    List<String> leaks = new ArrayList<>();
    Method delivery = ai.honeyhive.internal.runtime.ClientRuntime.class.getMethod("delivery");
    check(leaks, delivery, delivery.getGenericReturnType());

    assertThat(leaks).singleElement().asString().contains("ai.honeyhive.internal.delivery.Delivery");
  }

  @Test
  void theCheckCatchesAGeneratedTypeInASignature() throws Exception {
    List<String> leaks = new ArrayList<>();
    Method raw = HoneyHive.class.getMethod("raw");
    check(leaks, RawApi.class.getMethod("events"), RawApi.class.getMethod("events").getGenericReturnType());

    assertThat(leaks).singleElement().asString().contains("ai.honeyhive.client.api.EventsApi");
    assertThat(raw.getReturnType()).isEqualTo(RawApi.class);
  }

  private static void checkParameters(List<String> leaks, Executable executable) {
    for (Type parameter : executable.getGenericParameterTypes()) {
      check(leaks, executable, parameter);
    }
  }

  private static void check(List<String> leaks, Object where, Type type) {
    if (type == null) {
      return;
    }
    if (type instanceof Class<?> c) {
      Class<?> component = c;
      while (component.isArray()) {
        component = component.getComponentType();
      }
      if (component.getPackageName().startsWith(GENERATED_PACKAGE)
          || component.getPackageName().startsWith(INTERNAL_PACKAGE)) {
        leaks.add(where + " exposes " + component.getName());
      }
    } else if (type instanceof ParameterizedType p) {
      check(leaks, where, p.getRawType());
      for (Type argument : p.getActualTypeArguments()) {
        check(leaks, where, argument);
      }
    } else if (type instanceof WildcardType w) {
      Stream.of(w.getUpperBounds()).forEach(t -> check(leaks, where, t));
      Stream.of(w.getLowerBounds()).forEach(t -> check(leaks, where, t));
    } else if (type instanceof GenericArrayType g) {
      check(leaks, where, g.getGenericComponentType());
    }
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }
}
