package ai.honeyhive.internal.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Ids of an in-memory dataset and its datapoints, made as HoneyHive's Python SDK (1.5) makes them, so one dataset run
 * from Java and from Python compares as the same dataset: the dataset's id is {@code EXT-} and the first 16 hex digits
 * of the SHA-256 of the list written by {@code json.dumps(datapoints, sort_keys=True)}; a datapoint's is its own
 * {@code id} or {@code datapoint_id} (with {@code EXT-} put in front when missing), else {@code EXT-} and 16 hex
 * digits of the SHA-256 of its own JSON followed by its index in the list.
 */
public final class ExternalIds {
  /** The prefix HoneyHive gives the ids of datasets it does not store. */
  public static final String PREFIX = "EXT-";

  private ExternalIds() {}

  /** Returns the id of the in-memory dataset {@code datapoints}. */
  public static String datasetId(List<? extends Map<String, ?>> datapoints) {
    return PREFIX + sha256Prefix(PythonJson.write(datapoints));
  }

  /** Returns the id of {@code datapoint}, at {@code index} in its dataset. */
  public static String datapointId(Map<String, ?> datapoint, int index) {
    Object own = datapoint.get("id") != null ? datapoint.get("id") : datapoint.get("datapoint_id");
    if (own != null) {
      String id = own.toString();
      return id.startsWith(PREFIX) ? id : PREFIX + id;
    }
    return PREFIX + sha256Prefix(PythonJson.write(datapoint) + index);
  }

  private static String sha256Prefix(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e); // every JVM must have it
    }
  }
}
