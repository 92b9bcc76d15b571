package ai.honeyhive.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import jdk.net.ExtendedSocketOptions;

/**
 * A minimal, fast HTTP/1.1 server on 127.0.0.1 that reads and discards every request body and answers 200 at once:
 * the ingest that costs nothing, which every strategy is measured against. HoneyHive routes get
 * {@code {"success":true}} (which decodes as each route's response type); OTLP/HTTP ({@code /v1/traces}) gets an
 * empty {@code application/x-protobuf} body, a valid empty {@code ExportTraceServiceResponse}. It records nothing
 * but three counters (connections, requests, body bytes).
 *
 * <p>Why not the JDK's {@code com.sun.net.httpserver} or MockWebServer: neither can make the kernel acknowledge a
 * request body quickly. OpenTelemetry's exporter (and this client before issue 13) leaves Nagle's algorithm on, and
 * OkHttp writes a request body in 8 KiB pieces; on loopback, whose segments may be 64 KiB, the
 * kernel then delays its ACK of those pieces by up to 40 ms, and Nagle holds the body's last piece until that ACK:
 * 20 to 45 ms a request for bodies above 8 KiB (measured with the JDK server, TCP_NODELAY on its side: 44 ms for
 * 20 KB, 23 ms for 200 KB, against 0.5 and 1.7 ms with TCP_NODELAY on the client). This sink answers on the
 * connection's own thread with one write, sets TCP_NODELAY, and re-arms TCP_QUICKACK after every read, so the
 * client's last piece is acknowledged at once, whatever the client's settings.
 *
 * <p>Optionally each answer waits a fixed time after the request was read ({@link #withLatency}), a stand-in for the
 * round trip and processing time of a real ingest endpoint, which a loopback round trip (tens of microseconds) is not.
 *
 * <p>Bounded: bound to the loopback address only, at most {@value #MAX_CONNECTIONS} connections (one daemon thread
 * each; more are closed at once), request heads of at most {@value #MAX_HEAD_BYTES} bytes, and a watchdog that stops
 * it after {@code maxLifetime} even if nobody calls {@link #close()}.
 */
public final class LoopbackSink implements AutoCloseable {
  static final int MAX_CONNECTIONS = 64;
  static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final byte[] HONEYHIVE_OK = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
      + "Content-Length: 16\r\n\r\n{\"success\":true}").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OTLP_OK = ("HTTP/1.1 200 OK\r\nContent-Type: application/x-protobuf\r\n"
      + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  private static final AtomicInteger SINKS = new AtomicInteger();

  private final ServerSocket server;
  private final int id = SINKS.incrementAndGet();
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger connectionNumbers = new AtomicInteger();
  private final LongAdder requests = new LongAdder();
  private final LongAdder bodyBytes = new LongAdder();
  private final boolean quickAck;
  private final long responseDelayNanos;
  /** The whole response written for every request, or null for the sink's own answers. */
  private final byte[] cannedResponse;

  private LoopbackSink(Duration maxLifetime, Duration responseDelay, byte[] cannedResponse) throws IOException {
    this.responseDelayNanos = responseDelay.toNanos();
    this.cannedResponse = cannedResponse;
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    boolean supported;
    try (Socket probe = new Socket()) {
      supported = probe.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
    }
    this.quickAck = supported;
    daemon(this::acceptLoop, "loopback-sink-" + id + "-accept").start();
    long deadline = System.nanoTime() + maxLifetime.toNanos();
    daemon(() -> {
      try {
        while (!closed.get() && System.nanoTime() - deadline < 0) {
          Thread.sleep(Math.max(1, Math.min(1000, (deadline - System.nanoTime()) / 1_000_000)));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      close();
    }, "loopback-sink-" + id + "-watchdog").start();
  }

  /**
   * Starts a sink on an ephemeral port of 127.0.0.1.
   *
   * @param maxLifetime when the sink stops by itself at the latest
   * @param responseDelay how long each answer waits after the request was read: zero, or a stand-in for the network
   *     and server time of a real ingest endpoint
   * @return the running sink
   */
  public static LoopbackSink start(Duration maxLifetime, Duration responseDelay) {
    try {
      return new LoopbackSink(maxLifetime, responseDelay, null);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the loopback sink", e);
    }
  }

  /**
   * Starts a server that answers every request, whatever its path, with 200 and {@code body} (issue 17: a fake of
   * another service's endpoint, such as OpenAI's chat completions, as fast as this sink). Stops by itself after 30
   * minutes at the latest.
   *
   * @param contentType the answer's {@code Content-Type}
   * @param body the answer's body, sent as UTF-8
   * @return the running server
   */
  public static LoopbackSink answering(String contentType, String body) {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + content.length
        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] response = new byte[head.length + content.length];
    System.arraycopy(head, 0, response, 0, head.length);
    System.arraycopy(content, 0, response, head.length, content.length);
    try {
      return new LoopbackSink(Duration.ofMinutes(30), Duration.ZERO, response);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the loopback server", e);
    }
  }

  /** Starts a sink that answers at once and stops by itself after 30 minutes at the latest. */
  public static LoopbackSink start() {
    return start(Duration.ofMinutes(30), Duration.ZERO);
  }

  /** Starts a sink whose every answer waits {@code latencyMillis} ms, stopping by itself after 30 minutes. */
  public static LoopbackSink withLatency(int latencyMillis) {
    return start(Duration.ofMinutes(30), Duration.ofMillis(latencyMillis));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread thread = new Thread(r, name);
    thread.setDaemon(true);
    return thread;
  }

  private void acceptLoop() {
    while (!closed.get()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (connections.size() >= MAX_CONNECTIONS || closed.get()) {
        closeQuietly(socket);
        continue;
      }
      connections.add(socket);
      daemon(() -> serve(socket), "loopback-sink-" + id + "-conn-" + connectionNumbers.incrementAndGet()).start();
    }
  }

  private void serve(Socket socket) {
    try {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(new QuickAckInput(socket), 64 * 1024);
      OutputStream out = socket.getOutputStream();
      byte[] head = new byte[MAX_HEAD_BYTES];
      byte[] discard = new byte[64 * 1024];
      while (!closed.get()) {
        int headLength = readHead(in, head);
        if (headLength < 0) {
          return; // the client closed the connection between requests
        }
        String text = new String(head, 0, headLength, StandardCharsets.US_ASCII);
        int firstLineEnd = text.indexOf("\r\n");
        String requestLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        long contentLength = 0;
        boolean chunked = false;
        boolean close = false;
        for (String line : text.substring(firstLineEnd + 2).split("\r\n")) {
          int colon = line.indexOf(':');
          if (colon <= 0) {
            continue;
          }
          String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
          String value = line.substring(colon + 1).trim();
          if (name.equals("content-length")) {
            contentLength = Long.parseLong(value);
          } else if (name.equals("transfer-encoding")) {
            chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          } else if (name.equals("connection")) {
            close = value.equalsIgnoreCase("close");
          }
        }
        long read = chunked ? discardChunked(in, discard) : discard(in, discard, contentLength);
        if (responseDelayNanos > 0) {
          long until = System.nanoTime() + responseDelayNanos;
          for (long left; (left = until - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(left);
          }
        }
        bodyBytes.add(read);
        requests.increment();
        String[] parts = requestLine.split(" ");
        String path = parts.length > 1 ? parts[1] : "/";
        out.write(cannedResponse != null ? cannedResponse : path.endsWith("/v1/traces") ? OTLP_OK : HONEYHIVE_OK);
        out.flush();
        if (close) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      // The client went away or sent something this sink does not speak: drop the connection.
    } finally {
      connections.remove(socket);
      closeQuietly(socket);
    }
  }

  /** Reads up to and including the blank line ending a request head; returns its length, or -1 at end of stream. */
  private static int readHead(InputStream in, byte[] head) throws IOException {
    int length = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (length == 0) {
          return -1;
        }
        throw new IOException("end of stream inside a request head");
      }
      if (length == head.length) {
        throw new IOException("request head larger than " + head.length + " bytes");
      }
      head[length++] = (byte) b;
      if (length >= 4 && head[length - 1] == '\n' && head[length - 2] == '\r' && head[length - 3] == '\n'
          && head[length - 4] == '\r') {
        return length;
      }
    }
  }

  private static long discard(InputStream in, byte[] buffer, long length) throws IOException {
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("end of stream inside a request body");
      }
      left -= n;
    }
    return length;
  }

  private static long discardChunked(InputStream in, byte[] buffer) throws IOException {
    long total = 0;
    while (true) {
      StringBuilder size = new StringBuilder();
      for (int b; (b = in.read()) != '\n'; ) {
        if (b < 0) {
          throw new IOException("end of stream inside a chunk size");
        }
        if (b != '\r') {
          size.append((char) b);
        }
      }
      int semicolon = size.indexOf(";");
      long chunk = Long.parseLong((semicolon < 0 ? size.toString() : size.substring(0, semicolon)).trim(), 16);
      if (chunk == 0) {
        // Trailers, if any, end with a blank line.
        int previous = -1;
        int lineLength = 0;
        for (int b; (b = in.read()) >= 0; ) {
          if (b == '\n') {
            if (lineLength == 0 || (lineLength == 1 && previous == '\r')) {
              return total;
            }
            lineLength = 0;
          } else {
            lineLength++;
          }
          previous = b;
        }
        return total;
      }
      total += discard(in, buffer, chunk);
      discard(in, buffer, 2); // the CRLF after the chunk
    }
  }

  /** The socket's input, re-arming TCP_QUICKACK after every read (the kernel leaves quick-ACK mode on its own). */
  private final class QuickAckInput extends InputStream {
    private final Socket socket;
    private final InputStream in;

    QuickAckInput(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      quickAck();
    }

    private void quickAck() {
      if (quickAck) {
        try {
          socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
        } catch (IOException | UnsupportedOperationException e) {
          // Not on this platform: only slower.
        }
      }
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      quickAck();
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      quickAck();
      return n;
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** The base URL, ending in {@code /}: {@code http://127.0.0.1:PORT/}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/";
  }

  /** Requests answered so far. */
  public long requests() {
    return requests.sum();
  }

  /** Request body bytes read so far (as sent: uncompressed JSON or protobuf). */
  public long bodyBytes() {
    return bodyBytes.sum();
  }

  /** Stops the sink and closes its connections; idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        server.close();
      } catch (IOException e) {
        // closing anyway
      }
      for (Socket socket : connections) {
        closeQuietly(socket);
      }
    }
  }

  @Override
  public String toString() {
    return "LoopbackSink{" + baseUrl() + ", requests=" + requests() + ", bodyBytes=" + bodyBytes() + "}";
  }
}
