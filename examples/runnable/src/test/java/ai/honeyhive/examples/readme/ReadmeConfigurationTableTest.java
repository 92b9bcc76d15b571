package ai.honeyhive.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.HoneyHive;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table stays complete: it names every option of {@link HoneyHive.Builder} and every
 * environment variable the client reads, and nothing else.
 */
class ReadmeConfigurationTableTest {
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern VARIABLE = Pattern.compile("\\bHH_[A-Z_]+\\b");
  /** Builder methods that are not options. */
  private static final Set<String> NOT_OPTIONS = Set.of("build", "fromEnv", "toString");

  @Test
  void theTableNamesEveryBuilderOption() throws IOException {
    Set<String> options = Arrays.stream(HoneyHive.Builder.class.getDeclaredMethods())
        .filter(method -> Modifier.isPublic(method.getModifiers()) && !method.isSynthetic())
        .map(Method::getName).filter(name -> !NOT_OPTIONS.contains(name))
        .collect(Collectors.toCollection(TreeSet::new));

    Set<String> listed = new TreeSet<>();
    for (List<String> row : rows()) {
      Matcher names = CODE.matcher(row.get(0));
      while (names.find()) {
        listed.add(names.group(1));
      }
    }

    assertThat(listed).as("the builder methods the table names").containsExactlyInAnyOrderElementsOf(options);
  }

  @Test
  void theTableNamesEveryVariableTheClientReads() throws Exception {
    // EnvConfig is not API: its list of the variables it reads is read here, by reflection, so that the README
    // follows it. If it moves, point this test at its new place.
    Field understood = Class.forName("ai.honeyhive.EnvConfig").getDeclaredField("UNDERSTOOD");
    understood.setAccessible(true);
    @SuppressWarnings("unchecked")
    Set<String> read = new TreeSet<>((Set<String>) understood.get(null));

    Set<String> listed = new TreeSet<>();
    for (List<String> row : rows()) {
      Matcher variables = VARIABLE.matcher(row.get(1));
      while (variables.find()) {
        listed.add(variables.group());
      }
    }

    assertThat(listed).as("the variables the table names").containsExactlyInAnyOrderElementsOf(read);
  }

  /** The cells of the table under "## Configuration", header rows left out. */
  private static List<List<String>> rows() throws IOException {
    String readme = Files.readString(ReadmeCodeBlocksTest.root().resolve("README.md"));
    int start = readme.indexOf("\n## Configuration\n");
    int end = readme.indexOf("\n## ", start + 1);
    assertThat(start).as("a Configuration section").isPositive();
    return readme.substring(start, end).lines()
        .filter(line -> line.startsWith("| `"))
        .map(line -> Arrays.stream(line.substring(1).split("\\|")).map(String::strip).toList())
        .toList();
  }
}
