package ai.honeyhive.testing.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.errors.HoneyHiveApiException;
import ai.honeyhive.errors.HoneyHiveException;
import java.util.function.Consumer;

/** The expected outcome of one row of the bad-input table, and its check. */
interface Expect {
  /** A short description for the printed table. */
  String describe();

  /**
   * Checks the outcome of the row's action.
   *
   * @param result what the action returned, when it returned
   * @param thrown what the action threw, or null
   * @param requestsBefore how many requests the server had received before the action
   */
  void check(Fixture fixture, Object result, Throwable thrown, int requestsBefore);

  /** The client refuses the input with {@code type} and a message starting with {@code message}; nothing is sent. */
  static Expect refusedBeforeSending(Class<? extends RuntimeException> type, String message) {
    return new Expect() {
      @Override
      public String describe() {
        return "client refuses: " + type.getSimpleName() + " \"" + message + "…\", nothing sent";
      }

      @Override
      public void check(Fixture fixture, Object result, Throwable thrown, int requestsBefore) {
        assertThat(thrown).isExactlyInstanceOf(type).hasMessageStartingWith(message);
        assertThat(fixture.server.exchanges()).as("nothing sent").hasSize(requestsBefore);
      }
    };
  }

  /** The server answers {@code status} with a body containing {@code message}, and stores nothing. */
  static Expect serverAnswers(int status, String message) {
    return new Expect() {
      @Override
      public String describe() {
        return "server answers " + status + " \"" + message + "\"";
      }

      @Override
      public void check(Fixture fixture, Object result, Throwable thrown, int requestsBefore) {
        assertThat(thrown).isNull();
        assertThat(result).isInstanceOfSatisfying(Fixture.Answer.class, answer -> {
          assertThat(answer.status()).isEqualTo(status);
          assertThat(answer.body()).contains(message);
        });
        if (status >= 400) {
          assertThat(fixture.server.eventsOfType("tool")).as("nothing stored").isEmpty();
        }
      }
    };
  }

  /**
   * The call throws exactly {@code type}, a {@link HoneyHiveException} (never a bare NullPointerException or
   * ClassCastException), with a message containing {@code message}.
   */
  static Expect throwsHoneyHive(Class<? extends HoneyHiveException> type, String message) {
    return new Expect() {
      @Override
      public String describe() {
        return type.getSimpleName() + " \"…" + message + "…\"";
      }

      @Override
      public void check(Fixture fixture, Object result, Throwable thrown, int requestsBefore) {
        assertThat(thrown).isExactlyInstanceOf(type).hasMessageContaining(message);
        if (thrown instanceof HoneyHiveApiException) {
          assertThat(((HoneyHiveApiException) thrown).serverMessage()).isNotNull();
        }
      }
    };
  }

  /** The call succeeds; {@code check} inspects what it returned and what the server stored. */
  static Expect accepted(String what, Consumer<Outcome> check) {
    return new Expect() {
      @Override
      public String describe() {
        return "accepted: " + what;
      }

      @Override
      public void check(Fixture fixture, Object result, Throwable thrown, int requestsBefore) {
        assertThat(thrown).as("no exception").isNull();
        check.accept(new Outcome(fixture, result));
      }
    };
  }

  /** What an accepted call returned, with the server to look at. */
  record Outcome(Fixture fixture, Object result) {}
}
