package ai.honeyhive.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which version bumps allow an incompatible change to the spec. */
class SemVerTest {
  @ParameterizedTest(name = "{0} to {1}: breaking change allowed = {2}")
  @CsvSource({
      "0.1.0, 0.1.0, false",
      "0.1.0, 0.1.1, false",
      "0.1.0, 0.2.0, true",
      "0.1.3, 0.2.0, true",
      "0.1.0, 1.0.0, true",
      "1.2.3, 1.2.4, false",
      "1.2.3, 1.3.0, false",
      "1.2.3, 2.0.0, true",
      "2.0.0, 1.9.0, false",
      "0.2.0, 0.1.0, false"
  })
  void aBreakingChangeNeedsANewMajorOrBefore1ANewMinor(String from, String to, boolean allowed) {
    assertThat(SemVer.parse(from).allowsBreakingChangeTo(SemVer.parse(to))).isEqualTo(allowed);
  }

  @Test
  void theNextBreakingVersionIsTheNextMinorBefore1AndTheNextMajorAfter() {
    assertThat(SemVer.parse("0.1.4").nextBreaking().text()).isEqualTo("0.2.0");
    assertThat(SemVer.parse("1.4.2").nextBreaking().text()).isEqualTo("2.0.0");
  }

  @Test
  void versionsCompareByNumberNotByText() {
    assertThat(SemVer.parse("0.10.0")).isGreaterThan(SemVer.parse("0.9.0"));
  }

  @Test
  void aPreReleaseSuffixIsKeptButNotCompared() {
    assertThat(SemVer.parse("1.0.0-rc.1").text()).isEqualTo("1.0.0-rc.1");
    assertThat(SemVer.parse("1.0.0-rc.1").compareTo(SemVer.parse("1.0.0"))).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "v1.0.0", "01.0.0", "1.0.0.0", ""})
  void aVersionThatIsNotMajorMinorPatchIsRejected(String text) {
    assertThatThrownBy(() -> SemVer.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAJOR.MINOR.PATCH");
  }
}
