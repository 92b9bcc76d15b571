package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The public types of the API packages ({@code ai.honeyhive}, {@code ai.honeyhive.errors}), nested ones included. */
final class ApiTypes {
  static final List<String> API_PACKAGES = List.of("ai.honeyhive", "ai.honeyhive.errors");

  private ApiTypes() {}

  /** Every public (or protected nested) type of the API packages, by name. */
  static List<Class<?>> all() {
    List<Class<?>> result = new ArrayList<>();
    try {
      Path root = Path.of(HoneyHive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (String pkg : API_PACKAGES) {
        try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
          for (Path file : (Iterable<Path>) files::iterator) {
            String name = file.getFileName().toString();
            if (name.endsWith(".class") && !name.equals("package-info.class")) {
              Class<?> type = Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length()));
              if (isVisible(type)) {
                result.add(type);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    result.sort(Comparator.comparing(Class::getName));
    assertThat(result).contains(HoneyHive.class, HoneyHive.Builder.class, Session.class, Span.class, RawApi.class);
    return result;
  }

  /** Whether {@code type} can be named from outside its package: public or protected, and so is every enclosing type. */
  static boolean isVisible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      int modifiers = t.getModifiers();
      if (t.isAnonymousClass() || t.isLocalClass() || !(Modifier.isPublic(modifiers)
          || Modifier.isProtected(modifiers))) {
        return false;
      }
    }
    return true;
  }
}
