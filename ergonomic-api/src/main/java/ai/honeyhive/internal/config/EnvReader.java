package ai.honeyhive.internal.config;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/** Reads configuration variables, naming the variable when its value has the wrong form. */
public final class EnvReader {
  private final Function<String, String> env;

  public EnvReader(Function<String, String> env) {
    this.env = env;
  }

  public void string(String name, Consumer<String> target) {
    String value = env.apply(name);
    if (value == null || value.isBlank()) {
      return;
    }
    try {
      target.accept(value.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " has an invalid value " + shown(name, value) + ": " + e.getMessage(),
          e);
    }
  }

  /** The value as an error message may show it: never HH_API_KEY's, never a password in a URL (proxies). */
  public static String shown(String name, String value) {
    if (name.equals("HH_API_KEY")) {
      return "<redacted>";
    }
    return "'" + value.replaceAll("(?<=://)[^/?#]*@", "<redacted>@") + "'";
  }

  public void seconds(String name, Consumer<Duration> target) {
    string(name, value -> {
      double seconds;
      try {
        seconds = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a number of seconds such as 30 or 2.5");
      }
      target.accept(Duration.ofNanos((long) (seconds * 1e9)));
    });
  }

  public void integer(String name, Consumer<Integer> target) {
    string(name, value -> {
      int parsed;
      try {
        parsed = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a whole number");
      }
      target.accept(parsed);
    });
  }

  public void wholeNumber(String name, Consumer<Long> target) {
    string(name, value -> {
      long parsed;
      try {
        parsed = Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a whole number");
      }
      target.accept(parsed);
    });
  }

  public void bool(String name, Consumer<Boolean> target) {
    string(name, value -> {
      switch (value.toLowerCase(Locale.ROOT)) {
        case "true": case "1": case "yes":
          target.accept(true);
          break;
        case "false": case "0": case "no":
          target.accept(false);
          break;
        default:
          throw new IllegalArgumentException("expected true or false");
      }
    });
  }
}
