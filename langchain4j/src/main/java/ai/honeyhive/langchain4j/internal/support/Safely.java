package ai.honeyhive.langchain4j.internal.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs instrumentation so that nothing it throws reaches the instrumented code; logs only the failure's type. */
public final class Safely {
  private static final Logger log = LoggerFactory.getLogger(Safely.class);

  private Safely() {}

  /** Runs {@code body}; a failure is logged at WARN (what failed and the exception type, no content) and dropped. */
  public static void run(String what, Runnable body) {
    try {
      body.run();
    } catch (Throwable t) { // instrumentation never throws into the application, whatever went wrong
      log.warn("HoneyHive LangChain4j instrumentation failed in {} ({}); the call itself is unaffected", what,
          t.getClass().getName());
    }
  }
}
