package ai.honeyhive.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * nginx from the machine's packages as the ingest: a real HTTP server nobody here wrote, which, unlike
 * {@link LoopbackSink}, leaves the kernel's delayed ACKs as they are. Started on 127.0.0.1 with the configuration
 * {@code src/main/resources/nginx/nginx.conf} (it reads every request body to its end before answering) in a
 * temporary directory that holds every file it writes, and stopped, with the directory removed, by {@link #close()}.
 *
 * <p>The binary is {@code $NGINX}, else {@code nginx} on the {@code PATH}, else {@code /usr/sbin/nginx}; the
 * benchmark's documented command installs it ({@code apt-get install -y nginx}) when it is absent.
 */
final class NginxSink implements AutoCloseable {
  private final Path dir;
  private final Process process;
  private final int port;

  NginxSink() throws IOException, InterruptedException {
    dir = Files.createTempDirectory("honeyhive-nginx-sink");
    port = freePort();
    int backendPort = freePort();
    String config;
    try (InputStream in = NginxSink.class.getResourceAsStream("/nginx/nginx.conf")) {
      config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Files.writeString(dir.resolve("nginx.conf"), config
        .replace("@DIR@", dir.toString())
        .replace("@BACKEND_PORT@", Integer.toString(backendPort))
        .replace("@PORT@", Integer.toString(port)));
    process = new ProcessBuilder(binary(), "-p", dir + "/", "-c", dir.resolve("nginx.conf").toString(),
        "-e", dir.resolve("error.log").toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("stdout.log").toFile())
        .start();
    awaitListening();
  }

  /** Where clients send: {@code http://127.0.0.1:port/}. */
  String baseUrl() {
    return "http://127.0.0.1:" + port + "/";
  }

  /**
   * What nginx's access log holds: requests, their total length with bodies ({@code $request_length}, so proof that
   * nginx read each body), and how many were not answered 200. Complete once nginx has stopped (it buffers 1 s).
   */
  String accessLogSummary() throws IOException {
    long requests = 0;
    long bytes = 0;
    long notOk = 0;
    try (Stream<String> lines = Files.lines(dir.resolve("access.log"))) {
      for (String line : (Iterable<String>) lines::iterator) {
        String[] fields = line.split(" ");
        requests++;
        bytes += Long.parseLong(fields[0]);
        notOk += fields[1].equals("200") ? 0 : 1;
      }
    }
    return "nginx read " + requests + " requests, " + bytes + " bytes with their bodies, " + notOk + " not answered 200";
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy(); // SIGTERM: nginx's fast shutdown, the master stops its worker
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    System.out.printf("%n%s%n", accessLogSummary());
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static String binary() {
    String configured = System.getenv("NGINX");
    if (configured != null && !configured.isEmpty()) {
      return configured;
    }
    for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Paths.get(entry, "nginx");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    for (String fallback : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx")) {
      if (Files.isExecutable(Paths.get(fallback))) {
        return fallback;
      }
    }
    throw new IllegalStateException("nginx not found: install it (Debian: apt-get install -y nginx) or set NGINX");
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  private void awaitListening() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        if (!process.isAlive() || System.nanoTime() - deadline > 0) {
          String log = Files.exists(dir.resolve("stdout.log")) ? Files.readString(dir.resolve("stdout.log")) : "";
          process.destroyForcibly();
          throw new IOException("nginx did not start on port " + port + ": " + log, notYet);
        }
        Thread.sleep(20);
      }
    }
  }
}
