package ai.honeyhive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules between the client's packages, checked on the compiled classes. Dependencies run one way:
 * the API ({@code ai.honeyhive}) uses the internals; the internals never use the facade, its builder, the scopes or
 * the event builders, only the API's plain values (enums, the listener, the sleeper) and the exceptions; inside
 * {@code internal}, {@code config} and {@code wire} use no other internal package, {@code http} uses {@code config},
 * {@code delivery} uses {@code http} and {@code config}, {@code propagation} and {@code bridge} stand alone, and only
 * {@code runtime}
 * wires them all. Each rule is shown to fail on a violation below.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("ai.honeyhive");
  /** The API's plain values the internals may use: they hold no client state and call nothing back. */
  private static final String[] VALUES_FOR_INTERNALS = {
      DropReason.class.getName(), DeliveryListener.class.getName(), DeliveryMode.class.getName(),
      QueueFullPolicy.class.getName(), RouteFamily.class.getName(), Sleeper.class.getName()};

  static final ArchRule INTERNALS_USE_NO_FACADE_BUILDER_SCOPE_OR_EVENT_BUILDER = noClasses()
      .that().resideInAPackage("ai.honeyhive.internal..")
      .should().dependOnClassesThat(DescribedPredicate.describe("API types other than plain values",
          (JavaClass target) -> target.getPackageName().equals("ai.honeyhive")
              && !Arrays.asList(VALUES_FOR_INTERNALS).contains(target.getName())));

  static final ArchRule ERRORS_DEPEND_ON_NOTHING_ELSE_OF_THE_CLIENT = noClasses()
      .that().resideInAPackage("ai.honeyhive.errors")
      .should().dependOnClassesThat().resideInAnyPackage("ai.honeyhive", "ai.honeyhive.internal..");

  static final ArchRule CONFIG_AND_WIRE_STAND_ALONE = noClasses()
      .that().resideInAnyPackage("ai.honeyhive.internal.config", "ai.honeyhive.internal.wire")
      .should().dependOnClassesThat().resideInAnyPackage("ai.honeyhive.internal.delivery",
          "ai.honeyhive.internal.http", "ai.honeyhive.internal.propagation", "ai.honeyhive.internal.runtime");

  static final ArchRule HTTP_USES_ONLY_CONFIG_AND_WIRE = noClasses()
      .that().resideInAPackage("ai.honeyhive.internal.http")
      .should().dependOnClassesThat().resideInAnyPackage("ai.honeyhive.internal.delivery",
          "ai.honeyhive.internal.propagation", "ai.honeyhive.internal.runtime");

  static final ArchRule DELIVERY_NEITHER_WIRES_NOR_PROPAGATES = noClasses()
      .that().resideInAPackage("ai.honeyhive.internal.delivery")
      .should().dependOnClassesThat().resideInAnyPackage("ai.honeyhive.internal.propagation",
          "ai.honeyhive.internal.runtime");

  static final ArchRule PROPAGATION_STANDS_ALONE = noClasses()
      .that().resideInAPackage("ai.honeyhive.internal.propagation")
      .should().dependOnClassesThat().resideInAnyPackage("ai.honeyhive.internal.config",
          "ai.honeyhive.internal.delivery", "ai.honeyhive.internal.http", "ai.honeyhive.internal.runtime");

  /** The bridge to another tracer's context is an interface and its loader: it uses no other internal package. */
  static final ArchRule BRIDGE_STANDS_ALONE = noClasses()
      .that().resideInAPackage("ai.honeyhive.internal.bridge")
      .should().dependOnClassesThat().resideInAnyPackage("ai.honeyhive.internal.config",
          "ai.honeyhive.internal.delivery", "ai.honeyhive.internal.http", "ai.honeyhive.internal.propagation",
          "ai.honeyhive.internal.runtime", "ai.honeyhive.internal.wire");

  static final ArchRule NO_CYCLES_BETWEEN_INTERNAL_PACKAGES =
      slices().matching("ai.honeyhive.internal.(*)..").should().beFreeOfCycles();

  @Test
  void internalsUseNoFacadeBuilderScopeOrEventBuilder() {
    INTERNALS_USE_NO_FACADE_BUILDER_SCOPE_OR_EVENT_BUILDER.check(MAIN);
  }

  @Test
  void theExceptionsDependOnNothingElseOfTheClient() {
    ERRORS_DEPEND_ON_NOTHING_ELSE_OF_THE_CLIENT.check(MAIN);
  }

  @Test
  void theInternalLayersDependOneWay() {
    CONFIG_AND_WIRE_STAND_ALONE.check(MAIN);
    HTTP_USES_ONLY_CONFIG_AND_WIRE.check(MAIN);
    DELIVERY_NEITHER_WIRES_NOR_PROPAGATES.check(MAIN);
    PROPAGATION_STANDS_ALONE.check(MAIN);
    BRIDGE_STANDS_ALONE.check(MAIN);
    NO_CYCLES_BETWEEN_INTERNAL_PACKAGES.check(MAIN);
  }

  /** The rules can fail: the test sources break them on purpose (see {@code ai.honeyhive.internal.violation}). */
  @Test
  void eachRuleFailsOnAViolation() {
    JavaClasses violations = new ClassFileImporter().importPackages("ai.honeyhive.internal.violation");

    assertFails(INTERNALS_USE_NO_FACADE_BUILDER_SCOPE_OR_EVENT_BUILDER, violations, "HoneyHive$Builder");
    assertFails(PROPAGATION_STANDS_ALONE, new ClassFileImporter().importPackages("ai.honeyhive.internal.propagation"),
        "ai.honeyhive.internal.delivery");
  }

  private static void assertFails(ArchRule rule, JavaClasses classes, String mentioning) {
    EvaluationResult result = rule.evaluate(classes);
    assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
    assertThat(result.getFailureReport().toString()).contains(mentioning);
  }
}
