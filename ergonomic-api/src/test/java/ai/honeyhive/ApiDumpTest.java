package ai.honeyhive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The public API, dumped (every visible type and member of {@code ai.honeyhive} and {@code ai.honeyhive.errors}, with
 * generic signatures) and compared with the dump committed in {@code api/honeyhive-java.api}, so that any change to
 * the API shows in review. After a deliberate change, run {@code mvn verify -pl ergonomic-api -Dapi.update=true} to
 * rewrite the file, and commit it with the change.
 */
class ApiDumpTest {
  private static final Path DUMP = Path.of("api", "honeyhive-java.api");

  @Test
  void thePublicApiIsTheOneCommitted() throws IOException {
    String current = dump(ApiTypes.all());
    if (Boolean.getBoolean("api.update")) {
      Files.createDirectories(DUMP.getParent());
      Files.writeString(DUMP, current, StandardCharsets.UTF_8);
      return;
    }
    assertThat(DUMP).as("the committed API dump; create it with -Dapi.update=true").exists();
    String committed = Files.readString(DUMP, StandardCharsets.UTF_8);
    if (!committed.equals(current)) {
      fail("The public API differs from " + DUMP.toAbsolutePath() + ". If the change is deliberate, run"
          + " `mvn verify -pl ergonomic-api -Dapi.update=true` and commit the file.\n" + diff(committed, current));
    }
  }

  @Test
  void theComparisonSeesAnAddedMethod() {
    String before = dump(List.of(DropReason.class));
    String after = before + "  public void somethingNew()\n";

    assertThat(diff(before, after)).isEqualTo("+ public void somethingNew()\n");
    assertThat(before).contains("public static final ai.honeyhive.DropReason ai.honeyhive.DropReason.QUEUE_FULL");
  }

  /** One line per visible type, then one indented line per visible member, sorted. */
  static String dump(List<Class<?>> types) {
    StringBuilder out = new StringBuilder();
    for (Class<?> type : types) {
      out.append(describe(type)).append('\n');
      List<String> members = new ArrayList<>();
      for (Field field : type.getDeclaredFields()) {
        if (visible(field) && !field.isSynthetic()) {
          members.add(field.toGenericString());
        }
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (visible(constructor) && !constructor.isSynthetic()) {
          members.add(constructor.toGenericString());
        }
      }
      for (Method method : type.getDeclaredMethods()) {
        if (visible(method) && !method.isSynthetic() && !method.isBridge()) {
          members.add(method.toGenericString());
        }
      }
      members.stream().sorted().forEach(member -> out.append("  ").append(member).append('\n'));
    }
    return out.toString();
  }

  private static String describe(Class<?> type) {
    String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
        : type.isRecord() ? "record" : "class";
    int modifiers = type.getModifiers() & (type.isInterface() ? ~(Modifier.ABSTRACT | Modifier.INTERFACE) : ~0);
    if (type.isEnum() || type.isRecord()) {
      modifiers &= ~Modifier.FINAL;
    }
    StringBuilder line = new StringBuilder(Modifier.toString(modifiers)).append(type.isSealed() ? " sealed " : " ")
        .append(kind).append(' ').append(type.getTypeName());
    if (type.getTypeParameters().length > 0) {
      line.append(Arrays.stream(type.getTypeParameters()).map(ApiDumpTest::withBounds)
          .collect(Collectors.joining(", ", "<", ">")));
    }
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
      line.append(" extends ").append(superclass.getTypeName());
    }
    if (type.getGenericInterfaces().length > 0) {
      line.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(type.getGenericInterfaces())
          .map(Type::getTypeName).collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  private static String withBounds(TypeVariable<?> variable) {
    Type[] bounds = variable.getBounds();
    if (bounds.length == 1 && bounds[0] == Object.class) {
      return variable.getName();
    }
    return variable.getName() + " extends " + Arrays.stream(bounds).map(Type::getTypeName)
        .collect(Collectors.joining(" & "));
  }

  private static boolean visible(Member member) {
    int modifiers = member.getModifiers();
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /** The lines only in {@code before} ("- ") and only in {@code after} ("+ "), in order. */
  static String diff(String before, String after) {
    Set<String> old = new LinkedHashSet<>(before.lines().toList());
    Set<String> now = new LinkedHashSet<>(after.lines().toList());
    StringBuilder out = new StringBuilder();
    old.stream().filter(line -> !now.contains(line)).forEach(line -> out.append("- ").append(line.strip()).append('\n'));
    now.stream().filter(line -> !old.contains(line)).forEach(line -> out.append("+ ").append(line.strip()).append('\n'));
    return out.toString();
  }
}
