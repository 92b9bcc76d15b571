package ai.honeyhive.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The generator's {@code schemaMappings}, read from this module's {@code pom.xml} so that the tests and the build
 * cannot disagree: a component schema listed there has no generated class of its own, and its values are held by the
 * Java class it is mapped to (another model, or a JDK class such as {@code java.lang.Object}).
 */
final class SchemaMappings {
  private static final Map<String, String> MAPPINGS = read(Path.of(System.getProperty("basedir", "."), "pom.xml"));

  private SchemaMappings() {}

  /** Component schema name to fully qualified Java class name, in the pom's order. */
  static Map<String, String> all() {
    return MAPPINGS;
  }

  /** The Java class the pom maps {@code schemaName} to, if it maps it. */
  static Optional<String> javaClassName(String schemaName) {
    return Optional.ofNullable(MAPPINGS.get(schemaName));
  }

  static boolean isMapped(String schemaName) {
    return MAPPINGS.containsKey(schemaName);
  }

  private static Map<String, String> read(Path pom) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      NodeList nodes = factory.newDocumentBuilder().parse(pom.toFile()).getElementsByTagName("schemaMapping");
      Map<String, String> mappings = new LinkedHashMap<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        String mapping = ((Element) nodes.item(i)).getTextContent().trim();
        int equals = mapping.indexOf('=');
        if (equals <= 0 || equals == mapping.length() - 1) {
          throw new IllegalStateException(pom + ": schemaMapping is not Schema=java.Class: " + mapping);
        }
        if (mappings.put(mapping.substring(0, equals).trim(), mapping.substring(equals + 1).trim()) != null) {
          throw new IllegalStateException(pom + ": schema mapped twice: " + mapping);
        }
      }
      return mappings;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("cannot read the schemaMappings of " + pom, e);
    }
  }
}
