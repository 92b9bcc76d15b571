package ai.honeyhive.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The command line of {@link HoneyHiveTestServerMain}, parsed and checked: each flag as {@code --flag value} or
 * {@code --flag=value}. Immutable.
 */
final class StandaloneOptions {
  static final int DEFAULT_PORT = 8080;
  static final Duration DEFAULT_QUIET_PERIOD = Duration.ofSeconds(1);

  static final String USAGE = ""
      + "Usage: java -jar honeyhive-test-server-<version>-standalone.jar [options]\n"
      + "\n"
      + "A local, spec-validating stand-in for HoneyHive's tracing API. Prints each session it receives as a tree,\n"
      + "and each request the real API would refuse.\n"
      + "\n"
      + "Options:\n"
      + "  --port N            the port to listen on; 0 picks a free one (default " + DEFAULT_PORT + ")\n"
      + "  --host ADDRESS      the address to listen on (default 127.0.0.1, this machine only);\n"
      + "                      0.0.0.0 for every interface, so containers can reach it (on a trusted\n"
      + "                      network only: without --api-key, any key is accepted)\n"
      + "  --api-key KEY       accept only this bearer token (default: any non-blank one); never printed\n"
      + "  --spec FILE         validate against this OpenAPI document, such as a pinned\n"
      + "                      honeyhive-openapi.yaml (default: the one this jar was built with)\n"
      + "  --quiet-period MS   print a session once no event of it arrived for this long (default "
      + DEFAULT_QUIET_PERIOD.toMillis() + ")\n"
      + "  --help              print this text\n";

  final InetAddress host;
  final int port;
  final String apiKey;
  final Path spec;
  final Duration quietPeriod;
  final boolean help;

  private StandaloneOptions(InetAddress host, int port, String apiKey, Path spec, Duration quietPeriod,
      boolean help) {
    this.host = host;
    this.port = port;
    this.apiKey = apiKey;
    this.spec = spec;
    this.quietPeriod = quietPeriod;
    this.help = help;
  }

  /**
   * Parses {@code args}.
   *
   * @throws IllegalArgumentException naming the flag, when a flag is unknown, lacks its value, or its value is
   *     invalid (a port outside 0..65535, an unknown host, an unreadable spec file, a negative quiet period)
   */
  static StandaloneOptions parse(String... args) {
    InetAddress host = InetAddress.getLoopbackAddress();
    int port = DEFAULT_PORT;
    String apiKey = null;
    Path spec = null;
    Duration quietPeriod = DEFAULT_QUIET_PERIOD;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String flag = arg;
      String value = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        flag = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      }
      if (flag.equals("--help") || flag.equals("-h")) {
        help = true;
        continue;
      }
      if (!flag.equals("--port") && !flag.equals("--host") && !flag.equals("--api-key") && !flag.equals("--spec")
          && !flag.equals("--quiet-period")) {
        // Never echoes a value: it might be a key given to a misspelt flag, or on its own.
        throw new IllegalArgumentException(flag.startsWith("-") ? "unknown option: " + flag
            : "unexpected argument #" + (i + 1) + ": options start with --");
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        value = args[++i];
      }
      switch (flag) {
        case "--port":
          port = port(value);
          break;
        case "--host":
          host = host(value);
          break;
        case "--api-key":
          if (value.isBlank()) {
            throw new IllegalArgumentException("--api-key must not be blank");
          }
          apiKey = value.strip();
          break;
        case "--spec":
          spec = spec(value);
          break;
        default:
          quietPeriod = quietPeriod(value);
          break;
      }
    }
    return new StandaloneOptions(host, port, apiKey, spec, quietPeriod, help);
  }

  private static int port(String value) {
    int port;
    try {
      port = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number in 0..65535: " + value);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be a number in 0..65535: " + value);
    }
    return port;
  }

  private static InetAddress host(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("--host must not be blank");
    }
    try {
      return InetAddress.getByName(value.strip());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--host is not a known host name or address: " + value);
    }
  }

  private static Path spec(String value) {
    Path path = Path.of(value);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalArgumentException("--spec is not a readable file: " + value);
    }
    return path;
  }

  private static Duration quietPeriod(String value) {
    long millis;
    try {
      millis = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--quiet-period must be a number of milliseconds: " + value);
    }
    if (millis < 0) {
      throw new IllegalArgumentException("--quiet-period must not be negative: " + value);
    }
    return Duration.ofMillis(millis);
  }
}
