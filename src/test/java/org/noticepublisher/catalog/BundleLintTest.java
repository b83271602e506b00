package org.noticepublisher.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticepublisher.Cli;
import org.noticepublisher.Finding;
import org.noticepublisher.Fixtures;
import org.noticepublisher.Severity;

/** What lint tells a translator about one broken line: file, line, key, why. */
class BundleLintTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case | line written into a draft bundle | severity | key | line | words in the message
        "argument dropped | intro.p.2 = Jest zarejestrowana w ICO. | ERROR | intro.p.2 | 3 | missing {icoRegistration} {organisation}",
        "argument misspelt | intro.p.2 = {organization} {icoRegistration} | ERROR | intro.p.2 | 3 | missing {organisation}: unknown {organization}",
        "key misspelt | intro.p2 = Tekst | ERROR | intro.p2 | 3 | no such key in the source bundle en-GB: it is never shown; did you mean intro.p.2?",
        "override character | standard.title = Nasz \u202Etekst | ERROR | standard.title | 3 | U+202E RIGHT-TO-LEFT OVERRIDE",
        "straight apostrophe | standard.title = Nasz 'standardowy' tekst | WARNING | standard.title | 3 | straight apostrophe"
      })
  void namesFileLineKeyAndWhy(
      String name,
      String line,
      Severity severity,
      String key,
      int lineNo,
      String why,
      @TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("pl.properties");
    Files.writeString(file, "# test bundle\nbundle.status = draft\n" + line + "\n");
    Bundle source = Fixtures.pipeline().catalog().source();
    List<Finding> findings =
        BundleLint.check(Bundle.load(file), source).stream()
            .filter(f -> f.code().equals(key))
            .toList();
    assertEquals(1, findings.size(), findings.toString());
    Finding f = findings.get(0);
    assertEquals(severity, f.severity());
    assertEquals(file.toString(), f.source());
    assertEquals(lineNo, f.line());
    assertTrue(f.message().contains(why), f.message());
    assertTrue(!f.fix().isEmpty(), "says how to fix it");
  }

  @Test
  void isolatesMarksAndJoinersAreAllowed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("fa.properties");
    // RLI … PDI, RLM, LRM, ALM, and the ZWNJ Persian spelling needs (می‌خواهم).
    Files.writeString(
        file,
        "bundle.status = draft\n"
            + "standard.title = \u2067Notice\u2069 \u200F\u200E\u061C "
            + "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645\n");
    List<Finding> findings =
        BundleLint.check(Bundle.load(file), Fixtures.pipeline().catalog().source());
    assertTrue(
        findings.stream().noneMatch(f -> f.code().equals("standard.title")),
        findings.stream().filter(f -> f.code().equals("standard.title")).toList().toString());
  }

  @Test
  void aTranslationWithNoMessageIsAnError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pl.properties");
    Files.writeString(file, "bundle.status = draft\nbundle.language = Polski\n");
    List<Finding> errors =
        BundleLint.check(Bundle.load(file), Fixtures.pipeline().catalog().source()).stream()
            .filter(Finding::isError)
            .toList();
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).message().startsWith("no translated message"), errors.toString());
  }

  @Test
  void missingKeysAndStatusAreWarnings(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pl.properties");
    Files.writeString(file, "standard.title = Tytuł\n");
    List<Finding> findings =
        BundleLint.check(Bundle.load(file), Fixtures.pipeline().catalog().source());
    assertTrue(findings.stream().anyMatch(f -> f.code().equals("bundle.status")));
    assertTrue(
        findings.stream()
            .anyMatch(
                f -> f.code().equals("collect.heading") && f.message().contains("not translated")));
    assertTrue(findings.stream().noneMatch(Finding::isError));
  }

  @Test
  void theProjectsBundlesLintWithoutErrors() {
    Cli r = Cli.run("lint", "-p", Fixtures.PROJECT.toString());
    assertEquals(0, r.code(), r.printed());
    assertTrue(r.out().contains("0 errors"), r.out());
  }

  @Test
  void lintExitsOneOnAnError(@TempDir Path dir) {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Fixtures.edit(project.resolve("locales/pl.properties"), "{icoRegistration}", "{icoNumber}");
    Cli r = Cli.run("lint", "-p", project.toString());
    assertEquals(1, r.code());
    assertTrue(
        r.out()
            .matches(
                "(?s).*pl\\.properties:\\d+: error \\[intro\\.p\\.2\\] "
                    + "arguments differ from the source: missing \\{icoRegistration\\}: unknown "
                    + "\\{icoNumber\\}.*"),
        r.out());
  }
}
