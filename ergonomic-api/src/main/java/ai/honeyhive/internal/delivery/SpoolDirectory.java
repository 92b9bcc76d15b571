package ai.honeyhive.internal.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a spool directory holds when a client opens it: the generations earlier clients left, oldest first, and the
 * number the new client's generation takes. Files that are not the spool's are left alone.
 *
 * @param leftovers the earlier generations that still have segments
 * @param nextGeneration one more than the highest generation found
 * @param bytes the summed size of the leftovers' segments
 */
public record SpoolDirectory(List<Spool.Leftover> leftovers, long nextGeneration, long bytes) {
  private static final Pattern SEGMENT = Pattern.compile("([0-9a-f]{16})-([0-9]{6,})\\.seg");
  private static final Pattern ACKS = Pattern.compile("([0-9a-f]{16})\\.acks");

  /** Scans {@code directory}; deletes acks files whose segments are all gone. */
  public static SpoolDirectory scan(Path directory) throws IOException {
    TreeMap<Long, TreeMap<Integer, Path>> segments = new TreeMap<>();
    TreeMap<Long, Path> acks = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      Matcher segment = SEGMENT.matcher(name);
      Matcher ack = ACKS.matcher(name);
      if (segment.matches()) {
        segments.computeIfAbsent(Long.parseUnsignedLong(segment.group(1), 16), key -> new TreeMap<>())
            .put(Integer.parseInt(segment.group(2)), file);
      } else if (ack.matches()) {
        acks.put(Long.parseUnsignedLong(ack.group(1), 16), file);
      }
    }
    long highest = Math.max(segments.isEmpty() ? 0 : segments.lastKey(), acks.isEmpty() ? 0 : acks.lastKey());
    List<Spool.Leftover> leftovers = new ArrayList<>();
    long bytes = 0;
    for (Map.Entry<Long, TreeMap<Integer, Path>> generation : segments.entrySet()) {
      List<Path> paths = new ArrayList<>(generation.getValue().values());
      for (Path path : paths) {
        bytes += Files.size(path);
      }
      Path ackFile = directory.resolve(Spool.name(generation.getKey()) + ".acks");
      leftovers.add(new Spool.Leftover(generation.getKey(), List.copyOf(paths), ackFile));
    }
    for (Map.Entry<Long, Path> ack : acks.entrySet()) {
      if (!segments.containsKey(ack.getKey())) {
        Files.deleteIfExists(ack.getValue());
      }
    }
    return new SpoolDirectory(List.copyOf(leftovers), highest + 1, bytes);
  }
}
