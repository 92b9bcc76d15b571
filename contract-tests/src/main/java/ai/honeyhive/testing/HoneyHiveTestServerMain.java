package ai.honeyhive.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.HttpUrl;

/**
 * Runs a {@link HoneyHiveTestServer} on its own, for services in other languages, HoneyHive's SDKs and its CLI to be
 * pointed at during development:
 *
 * <pre>
 * java -jar honeyhive-test-server-&lt;version&gt;-standalone.jar --port 8080
 * </pre>
 *
 * <p>It prints the server's URL and how to point a client at it, then each session it receives as a tree once the
 * session has been quiet for {@code --quiet-period} (default 1 s; printed again, marked {@code updated}, when more of
 * it arrives), and each request the real API would refuse, one line each, as it arrives. Ctrl-C stops it.
 *
 * <p>Options: {@code --port N} (default 8080; 0 picks a free port), {@code --host ADDRESS} (default 127.0.0.1;
 * {@code 0.0.0.0} to be reachable from containers), {@code --api-key KEY} (accept only this bearer token; default:
 * any non-blank one; never printed), {@code --spec FILE} (a pinned OpenAPI document; default: the one on the
 * classpath), {@code --quiet-period MS}, {@code --help}. Exit status: 0 after {@code --help} or Ctrl-C, 2 for a bad
 * command line (with the usage text on standard error), 1 when the server cannot start, such as on a port in use.
 *
 * <p>Needs no JUnit on the classpath: the standalone jar leaves it out.
 */
public final class HoneyHiveTestServerMain {
  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;

  /** Held so the levels set on them are not lost when the loggers are collected. */
  private static final Logger[] QUIETED = {Logger.getLogger("mockwebserver3"), Logger.getLogger("okhttp3")};

  private final HoneyHiveTestServer server;
  private final SessionPrinter printer;
  private final PrintStream out;
  private final CountDownLatch closed = new CountDownLatch(1);

  private HoneyHiveTestServerMain(HoneyHiveTestServer server, SessionPrinter printer, PrintStream out) {
    this.server = server;
    this.printer = printer;
    this.out = out;
  }

  /**
   * Starts the server as {@code args} say, prints where it listens, and runs until the process is stopped (Ctrl-C).
   * Exits with status 2 and the usage text for a bad command line, 1 when the server cannot start.
   *
   * @param args the options, see the class description
   */
  public static void main(String[] args) {
    // MockWebServer logs every request at INFO through java.util.logging; the printer says what matters instead.
    for (Logger logger : QUIETED) {
      logger.setLevel(Level.WARNING);
    }
    // No SLF4J provider is packaged: without this, the validator's SLF4J prints a warning about it at start.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    HoneyHiveTestServerMain running = launch(args, System.out, System.err, Clock.systemDefaultZone(), System::exit);
    if (running == null) {
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(running::close, "honeyhive-test-server-shutdown"));
    running.awaitClose();
  }

  /**
   * Parses {@code args}, starts the server and its printer, and prints the banner. For {@code --help}, a bad command
   * line or a server that cannot start, prints why, calls {@code exit} (0, 2 or 1) and returns null.
   */
  static HoneyHiveTestServerMain launch(String[] args, PrintStream out, PrintStream err, Clock clock,
      IntConsumer exit) {
    StandaloneOptions options;
    try {
      options = StandaloneOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("honeyhive-test-server: " + e.getMessage());
      err.println();
      err.print(StandaloneOptions.USAGE);
      err.flush();
      exit.accept(EXIT_USAGE);
      return null;
    }
    if (options.help) {
      out.print(StandaloneOptions.USAGE);
      out.flush();
      exit.accept(0);
      return null;
    }
    HoneyHiveTestServer server;
    try {
      server = builder(options).start();
    } catch (RuntimeException e) {
      err.println("honeyhive-test-server: could not start: " + e.getMessage());
      if (e instanceof UncheckedIOException && options.port != 0) {
        err.println("Is port " + options.port + " in use? Pass --port with another port, or --port 0 for a free one.");
      }
      err.flush();
      exit.accept(EXIT_FAILURE);
      return null;
    }
    SessionPrinter printer = new SessionPrinter(server, out, clock, options.quietPeriod);
    HoneyHiveTestServerMain running = new HoneyHiveTestServerMain(server, printer, out);
    out.print(banner(server, options));
    out.flush();
    printer.start();
    return running;
  }

  private static HoneyHiveTestServer.Builder builder(StandaloneOptions options) {
    HoneyHiveTestServer.Builder builder = HoneyHiveTestServer.builder()
        .bindAddress(options.host)
        .port(options.port);
    if (options.apiKey != null) {
      builder.apiKey(options.apiKey);
    }
    if (options.spec != null) {
      try (InputStream spec = Files.newInputStream(options.spec)) {
        builder.spec(spec);
      } catch (IOException e) {
        throw new UncheckedIOException("could not read --spec " + options.spec, e);
      }
    }
    return builder;
  }

  /** What to tell the user at start: where it listens and how to point clients at it. Never the API key. */
  static String banner(HoneyHiveTestServer server, StandaloneOptions options) {
    boolean everywhere = options.host.isAnyLocalAddress();
    String url = new HttpUrl.Builder()
        .scheme("http")
        .host(everywhere ? "127.0.0.1" : options.host.getHostAddress())
        .port(server.port())
        .build()
        .toString();
    url = url.substring(0, url.length() - 1); // no trailing slash: HH_API_URL=http://127.0.0.1:8080
    String key = options.apiKey != null ? "<the --api-key>" : "anything";
    StringBuilder banner = new StringBuilder()
        .append("HoneyHive test server listening on ").append(url)
        .append(everywhere ? " (and on every interface: from a container, http://host.docker.internal:"
            + server.port() + ")" : "")
        .append('\n')
        .append("Spec: ").append(options.spec != null ? options.spec.toString() : "honeyhive-openapi.yaml (built in)")
        .append(", ").append(server.operationIds().size()).append(" operations\n")
        .append("API key: ").append(options.apiKey != null ? "only the one given with --api-key"
            : "any non-blank bearer token").append('\n')
        .append('\n')
        .append("Point a client at it:\n")
        .append("  HH_API_URL=").append(url).append(" HH_API_KEY=").append(key)
        .append("          # this Java client, HoneyHive's Python SDK\n")
        .append("  HH_DATA_PLANE_URL=").append(url).append(" HH_API_KEY=").append(key)
        .append("   # HoneyHive's TypeScript SDK and CLI\n")
        .append("  curl -H 'Authorization: Bearer ").append(key).append("' -H 'Content-Type: application/json' \\\n")
        .append("    -d '{\"event_type\":\"tool\",\"event_name\":\"hello\",\"inputs\":{}}' ").append(url)
        .append("/v1/events\n")
        .append('\n')
        .append("Sessions are printed as trees after ").append(options.quietPeriod.toMillis())
        .append(" ms without new events, refused requests as they arrive. Ctrl-C stops.\n")
        .append('\n');
    return banner.toString();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** Returns the running server. */
  HoneyHiveTestServer server() {
    return server;
  }

  /** Blocks until {@link #close()} has finished. */
  void awaitClose() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Prints what has not been printed yet (sessions still in their quiet period included), a summary line, and stops
   * the server. Idempotent.
   */
  void close() {
    synchronized (closed) {
      if (closed.getCount() == 0) {
        return;
      }
      try {
        printer.close();
        out.println("Stopped after " + count(server.exchanges().size(), "request") + ", "
            + count(server.sessionIds().size(), "session") + ", "
            + count(server.validationErrors().size(), "validation error") + ".");
        out.flush();
      } finally {
        server.close();
        closed.countDown();
      }
    }
  }
}
