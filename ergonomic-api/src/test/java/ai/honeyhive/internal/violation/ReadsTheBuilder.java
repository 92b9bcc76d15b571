package ai.honeyhive.internal.violation;

import ai.honeyhive.HoneyHive;

/** Breaks the architecture on purpose, for {@code ArchitectureTest}: an internal class that reads the builder. */
final class ReadsTheBuilder {
  private ReadsTheBuilder() {}

  static HoneyHive.Builder builder() {
    return HoneyHive.builder();
  }
}
