package io.nectar.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The rules of the house (DESIGN.md) over the server's own classes: features form no package
 * cycles, a feature's store is its own, HTTP stays at the edge, and services refuse with domain
 * exceptions rather than HTTP statuses.
 */
class HouseRulesTest {
  private static final JavaClasses SERVER = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.nectar");

  @Test
  void packagesFormNoCycles() {
    slices().matching("io.nectar.(*)..").should().beFreeOfCycles().check(SERVER);
  }

  @Test
  void aFeaturesStoreIsPackagePrivate() {
    classes().that().haveSimpleNameEndingWith("Store").and().areNotInterfaces()
        .and().doNotHaveSimpleName("FileBlobStore")
        .should().notBePublic()
        .because("another feature changes that data through the owning service")
        .check(SERVER);
  }

  @Test
  void storesNeverSeeHttp() {
    noClasses().that().haveSimpleNameEndingWith("Store").and().resideOutsideOfPackage("io.nectar.http..")
        .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "io.nectar.http..")
        .because("the idempotency store is part of the HTTP layer; every other store holds a feature's data")
        .check(SERVER);
  }

  @Test
  void onlyRoutesAndTheHttpLayerUseJavalin() {
    noClasses().that().resideOutsideOfPackages("io.nectar.http..", "io.nectar.app..")
        .and().haveSimpleNameNotEndingWith("Routes")
        .and().haveSimpleNameNotEndingWith("Handlers")
        // The dashboard's door (session cookie, form token) and page renderer are its HTTP edge.
        .and().doNotHaveFullyQualifiedName("io.nectar.web.dashboard.DashboardGate")
        .and().doNotHaveFullyQualifiedName("io.nectar.web.dashboard.DashboardPage")
        .and().doNotHaveFullyQualifiedName("io.nectar.web.dashboard.Forms")
        .should().dependOnClassesThat().resideInAnyPackage("io.javalin..")
        .because("routes turn a request into typed values before calling a service")
        .check(SERVER);
  }

  @Test
  void servicesRefuseWithDomainExceptionsNotHttpStatuses() {
    noClasses().that().resideOutsideOfPackages("io.nectar.http..")
        .and().haveSimpleNameNotEndingWith("Routes")
        .and().haveSimpleNameNotEndingWith("Handlers")
        .should().dependOnClassesThat().haveFullyQualifiedName("io.nectar.http.ApiError")
        .because("http maps domain exceptions to statuses in one place")
        .check(SERVER);
  }

  @Test
  void theHttpLayerKnowsNoFeatureButTheCallersKeys() {
    noClasses().that().resideInAPackage("io.nectar.http..")
        .should().dependOnClassesThat(resideInAPackage("io.nectar..")
            .and(resideOutsideOfPackages("io.nectar.http..", "io.nectar.keys..", "io.nectar.errors..")))
        .because("every feature's routes build on http, so http building on a feature would close a cycle")
        .check(SERVER);
  }

  @Test
  void domainExceptionsKnowNothingOfHttp() {
    noClasses().that().resideInAPackage("io.nectar.errors..")
        .should().dependOnClassesThat().resideInAnyPackage("io.nectar.http..", "io.javalin..")
        .check(SERVER);
  }

  @Test
  void servicesAreFinal() {
    classes().that().haveSimpleNameEndingWith("Service").and().areNotInterfaces()
        .should().haveModifier(JavaModifier.FINAL)
        .check(SERVER);
  }
}
