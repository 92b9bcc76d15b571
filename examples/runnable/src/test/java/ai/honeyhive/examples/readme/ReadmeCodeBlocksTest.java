package ai.honeyhive.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's Java cannot drift from code that compiles: every ```java block of the documents below is announced by
 * a {@code <!-- snippet: name -->} line and equals, line for line, the region between {@code // tag::name[]} and
 * {@code // end::name[]} in this package's sources (less the region's common indentation), and every tagged region
 * appears in a document. A snippet that stops compiling fails the build at compile time; a README block edited by hand
 * fails here, naming the line.
 */
class ReadmeCodeBlocksTest {
  /** The documents whose ```java blocks must be compiled snippets, relative to the repository's root. */
  private static final List<String> DOCUMENTS = List.of("README.md", "ergonomic-api/README.md");
  private static final String SOURCES = "examples/runnable/src/test/java/ai/honeyhive/examples/readme";

  private static final Pattern SNIPPET = Pattern.compile("<!--\\s*snippet:\\s*([\\w-]+)\\s*-->");
  private static final Pattern TAG = Pattern.compile("//\\s*(tag|end)::([\\w-]+)\\[]");

  @Test
  void everyJavaBlockOfTheReadmeIsATaggedRegionOfCompiledCode() {
    Map<String, List<String>> regions = regions(sources());
    List<String> problems = new ArrayList<>();
    for (String document : DOCUMENTS) {
      problems.addAll(check(document, read(root().resolve(document)), regions));
    }

    assertThat(problems).as("README code blocks that differ from %s", SOURCES).isEmpty();
  }

  @Test
  void everyTaggedRegionIsShownInTheReadme() {
    Map<String, List<String>> regions = regions(sources());
    TreeSet<String> unused = new TreeSet<>(regions.keySet());
    for (String document : DOCUMENTS) {
      javaBlocks(read(root().resolve(document))).stream().map(Block::snippet).filter(name -> name != null)
          .forEach(unused::remove);
    }

    assertThat(unused).as("tagged regions no document shows").isEmpty();
  }

  // ---- The checker checked: it must fail on what it is there to catch ---------------------------------------------

  private static final String SOURCE = String.join("\n",
      "class Example {",
      "  void hello(HoneyHive hh) {",
      "    // tag::hello[]",
      "    Session session = hh.session(\"hello\").start();",
      "      session.end();",
      "    // end::hello[]",
      "  }",
      "}");

  @Test
  void aBlockEqualToItsRegionLessTheIndentationPasses() {
    String readme = "Intro\n\n<!-- snippet: hello -->\n```java\nSession session = hh.session(\"hello\").start();\n"
        + "  session.end();\n```\n";

    assertThat(check("README.md", readme, regions(Map.of("Example.java", SOURCE)))).isEmpty();
  }

  @Test
  void anAlteredBlockFailsNamingTheDocumentLineAndBothVersions() {
    String readme = "Intro\n\n<!-- snippet: hello -->\n```java\nSession session = hh.session(\"bye\").start();\n"
        + "  session.end();\n```\n";

    assertThat(check("README.md", readme, regions(Map.of("Example.java", SOURCE)))).containsExactly(
        "README.md:5: the block differs from snippet 'hello' at its line 1\n"
            + "    README:   Session session = hh.session(\"bye\").start();\n"
            + "    compiled: Session session = hh.session(\"hello\").start();");
  }

  @Test
  void aBlockWithAnExtraOrAMissingLineFails() {
    String longer = "<!-- snippet: hello -->\n```java\nSession session = hh.session(\"hello\").start();\n"
        + "  session.end();\nhh.close();\n```\n";
    String shorter = "<!-- snippet: hello -->\n```java\nSession session = hh.session(\"hello\").start();\n```\n";
    Map<String, List<String>> regions = regions(Map.of("Example.java", SOURCE));

    assertThat(check("README.md", longer, regions)).singleElement().asString()
        .startsWith("README.md:5: the block differs from snippet 'hello' at its line 3");
    assertThat(check("README.md", shorter, regions)).singleElement().asString()
        .startsWith("README.md:4: the block differs from snippet 'hello' at its line 2");
  }

  @Test
  void aJavaBlockWithoutASnippetLineOrNamingAnUnknownRegionFails() {
    String unmarked = "Intro\n\n```java\nhh.close();\n```\n";
    String unknown = "<!-- snippet: goodbye -->\n```java\nhh.close();\n```\n";
    Map<String, List<String>> regions = regions(Map.of("Example.java", SOURCE));

    assertThat(check("README.md", unmarked, regions)).containsExactly(
        "README.md:3: a ```java block without a <!-- snippet: name --> line above it");
    assertThat(check("README.md", unknown, regions)).containsExactly(
        "README.md:1: no tagged region 'goodbye' in " + SOURCES);
  }

  @Test
  void blocksInOtherLanguagesAreLeftAlone() {
    assertThat(check("README.md", "```sh\nmvn verify\n```\n\n```xml\n<a/>\n```\n", Map.of())).isEmpty();
  }

  // ---- The checker ---------------------------------------------------------------------------------------------

  /** A ```java block: the document line of its first code line, its snippet name (or null), its lines. */
  record Block(int line, String snippet, List<String> lines) {}

  /** Returns one message per block of {@code markdown} that is not the region it names. */
  static List<String> check(String document, String markdown, Map<String, List<String>> regions) {
    List<String> problems = new ArrayList<>();
    for (Block block : javaBlocks(markdown)) {
      if (block.snippet() == null) {
        problems.add(document + ":" + (block.line() - 1)
            + ": a ```java block without a <!-- snippet: name --> line above it");
        continue;
      }
      List<String> region = regions.get(block.snippet());
      if (region == null) {
        problems.add(document + ":" + (block.line() - 2) + ": no tagged region '" + block.snippet() + "' in "
            + SOURCES);
        continue;
      }
      int lines = Math.max(region.size(), block.lines().size());
      for (int i = 0; i < lines; i++) {
        String shown = i < block.lines().size() ? block.lines().get(i) : "(nothing)";
        String compiled = i < region.size() ? region.get(i) : "(nothing)";
        if (!shown.equals(compiled)) {
          problems.add(document + ":" + (block.line() + i) + ": the block differs from snippet '" + block.snippet()
              + "' at its line " + (i + 1) + "\n    README:   " + shown + "\n    compiled: " + compiled);
          break;
        }
      }
    }
    return problems;
  }

  /** Returns the ```java blocks of {@code markdown}, each with the snippet named on the last line before it. */
  static List<Block> javaBlocks(String markdown) {
    List<String> lines = markdown.lines().toList();
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String fence = lines.get(i).strip();
      if (!fence.startsWith("```")) {
        continue;
      }
      int end = i + 1;
      while (end < lines.size() && !lines.get(end).strip().equals("```")) {
        end++;
      }
      if (fence.equals("```java")) {
        Matcher named = i > 0 ? SNIPPET.matcher(lines.get(i - 1).strip()) : null;
        String snippet = named != null && named.matches() ? named.group(1) : null;
        blocks.add(new Block(i + 2, snippet, trimEnds(lines.subList(i + 1, Math.min(end, lines.size())))));
      }
      i = end;
    }
    return blocks;
  }

  /** Returns the tagged regions of {@code sources} (file name to text), each less its common indentation. */
  static Map<String, List<String>> regions(Map<String, String> sources) {
    Map<String, List<String>> regions = new LinkedHashMap<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Map<String, List<String>> open = new LinkedHashMap<>();
      for (String line : source.getValue().lines().toList()) {
        Matcher tag = TAG.matcher(line.strip());
        if (tag.matches()) {
          String name = tag.group(2);
          if (tag.group(1).equals("tag")) {
            if (regions.containsKey(name) || open.containsKey(name)) {
              throw new IllegalStateException("tag '" + name + "' is defined twice (" + source.getKey() + ")");
            }
            open.put(name, new ArrayList<>());
          } else {
            List<String> region = open.remove(name);
            if (region == null) {
              throw new IllegalStateException("end::" + name + "[] without tag::" + name + "[] in "
                  + source.getKey());
            }
            regions.put(name, dedent(region));
          }
          continue;
        }
        open.values().forEach(region -> region.add(line));
      }
      if (!open.isEmpty()) {
        throw new IllegalStateException("unclosed tags " + open.keySet() + " in " + source.getKey());
      }
    }
    return regions;
  }

  private static List<String> dedent(List<String> lines) {
    int indent = lines.stream().filter(line -> !line.isBlank())
        .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
    return trimEnds(lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList());
  }

  private static List<String> trimEnds(List<String> lines) {
    return lines.stream().map(String::stripTrailing).collect(Collectors.toList());
  }

  // ---- Files -----------------------------------------------------------------------------------------------------

  /** The repository's root: the nearest directory above the working directory that holds this package. */
  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(SOURCES))) {
        return dir;
      }
    }
    throw new IllegalStateException("no " + SOURCES + " above " + Path.of("").toAbsolutePath());
  }

  private static Map<String, String> sources() {
    try (Stream<Path> files = Files.list(root().resolve(SOURCES))) {
      Map<String, String> sources = new LinkedHashMap<>();
      files.filter(file -> file.toString().endsWith(".java")).sorted()
          .forEach(file -> sources.put(file.getFileName().toString(), read(file)));
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
