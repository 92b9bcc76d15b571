package ai.honeyhive.internal.bridge;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@link ContextBridge} once, with {@link ServiceLoader}. An implementation whose tracer is missing from the
 * class path (the bridge module without OpenTelemetry's API) fails to load and leaves {@link ContextBridge#NONE}.
 */
public final class ContextBridges {
  private static final Logger log = LoggerFactory.getLogger(ContextBridges.class);
  private static final ContextBridge BRIDGE = load();

  private ContextBridges() {}

  /** Returns the bridge: the one found on the class path, or {@link ContextBridge#NONE}. */
  public static ContextBridge get() {
    return BRIDGE;
  }

  private static ContextBridge load() {
    try {
      Iterator<ContextBridge> found =
          ServiceLoader.load(ContextBridge.class, ContextBridge.class.getClassLoader()).iterator();
      if (found.hasNext()) {
        ContextBridge bridge = found.next();
        log.debug("HoneyHive scopes are bridged to another tracer's context by {}", bridge.getClass().getName());
        return bridge;
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      log.debug("no context bridge: {}", e.toString());
    }
    return ContextBridge.NONE;
  }
}
