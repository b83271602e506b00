package org.noticepublisher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shape of the code, as rules a change must keep: stages depend only downward (catalog ←
 * assemble ← render ← verify ← pipeline ← publish; sources beside them; cli and server on top), the
 * root package holds only leaf types every stage shares, a package's {@code internal} is its own,
 * and every package says its types are non-null unless marked.
 */
class ArchitectureTest {
  private static final String ROOT = "org.noticepublisher";
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  @Test
  void stagesDependOnlyDownward() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("catalog")
        .definedBy(ROOT + ".catalog..")
        .layer("assemble")
        .definedBy(ROOT + ".assemble..")
        .layer("render")
        .definedBy(ROOT + ".render..")
        .layer("verify")
        .definedBy(ROOT + ".verify..")
        .layer("pipeline")
        .definedBy(ROOT + ".pipeline..")
        .layer("publish")
        .definedBy(ROOT + ".publish..")
        .layer("sources")
        .definedBy(ROOT + ".sources..")
        .layer("cli")
        .definedBy(ROOT + ".cli..")
        .layer("server")
        .definedBy(ROOT + ".server..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("server")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("publish")
        .mayOnlyBeAccessedByLayers("cli", "server")
        .whereLayer("pipeline")
        .mayOnlyBeAccessedByLayers("publish", "cli", "server")
        .whereLayer("sources")
        .mayOnlyBeAccessedByLayers("pipeline", "publish", "cli", "server")
        .whereLayer("verify")
        .mayOnlyBeAccessedByLayers("pipeline", "publish", "cli", "server")
        .whereLayer("render")
        .mayOnlyBeAccessedByLayers("verify", "pipeline", "publish", "cli", "server")
        .whereLayer("assemble")
        .mayOnlyBeAccessedByLayers(
            "render", "verify", "pipeline", "publish", "sources", "cli", "server")
        .whereLayer("catalog")
        .mayOnlyBeAccessedByLayers(
            "assemble", "render", "verify", "pipeline", "publish", "sources", "cli", "server")
        .because("a stage builds on the ones before it; front ends sit on top")
        .check(MAIN);
  }

  @Test
  void rootPackageHoldsOnlySharedLeafTypes() {
    noClasses()
        .that()
        .resideInAPackage(ROOT)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".*..")
        .because(
            "every stage uses the root package's shared types (Finding, NoticeId, Sha256 …); "
                + "a root type that uses a stage closes a cycle: put it in the stage or in pipeline")
        .check(MAIN);
  }

  @ParameterizedTest(name = "{0}.internal")
  @ValueSource(
      strings = {
        "catalog",
        "assemble",
        "render",
        "verify",
        "pipeline",
        "publish",
        "sources",
        "cli",
        "server"
      })
  void onlyItsOwnPackageUsesAnInternalPackage(String stage) {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + "." + stage + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + "." + stage + ".internal..")
        .because(
            "internal holds details its package may change at will; share through a public "
                + "type instead")
        .allowEmptyShould(true)
        .check(MAIN);
  }

  @Test
  void frontEndsUseOnlyPublicApi() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".cli..", ROOT + ".server..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..internal..")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("com.openhtmltopdf..", "org.verapdf..")
        .because("the CLI and the web service go through the pipeline, not around it")
        .check(MAIN);
    // The service's own pages are Thymeleaf templates too (issue 8); only Pages may use it, and
    // only for the service's templates, never to assemble a notice.
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".cli..", ROOT + ".server..")
        .and()
        .doNotHaveFullyQualifiedName("org.noticepublisher.server.Pages")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.thymeleaf..")
        .because("the CLI and the web service go through the pipeline, not around it")
        .check(MAIN);
  }

  @Test
  void everyPackageIsNullMarked() {
    List<String> unmarked =
        MAIN.stream()
            .map(c -> c.getPackage())
            .filter(p -> p.getName().startsWith(ROOT))
            .distinct()
            .filter(p -> !p.isAnnotatedWith(NullMarked.class))
            .map(JavaPackage::getName)
            .sorted()
            .toList();
    assertEquals(
        List.of(),
        unmarked,
        "add @NullMarked to package-info.java; mark what may be null with @Nullable");
  }
}
