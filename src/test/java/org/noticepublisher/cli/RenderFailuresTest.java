package org.noticepublisher.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.Cli;
import org.noticepublisher.Fixtures;

/**
 * Broken input: each case breaks one source file of a copied project after a good render, and
 * checks the render exits 1, names the file and the key or rule, and leaves the published PDF byte
 * for byte.
 */
class RenderFailuresTest {
  @TempDir static Path shared;
  private static byte[] goodPdf;
  private static byte[] goodManifest;

  @BeforeAll
  static void publishOnce() throws Exception {
    Path project = Fixtures.copyOfProject(shared.resolve("project"));
    Cli r = render(project, shared.resolve("output"));
    assertEquals(0, r.code(), r.out() + r.err());
    goodPdf = Files.readAllBytes(shared.resolve("output/standard/en-GB/standard.en-GB.pdf"));
    goodManifest = Files.readAllBytes(shared.resolve("output/manifest.json"));
  }

  @Test
  void unknownFontFamilyNamesTheStyleSheetAndLine(@TempDir Path dir) throws Exception {
    Cli r =
        brokenRender(
            dir,
            p ->
                Fixtures.edit(
                    p.resolve("templates/notice.css"),
                    "h2 {\n",
                    "h2 {\n  font-family: \"Comic Neue\";\n"));
    assertTrue(r.err().contains("notice.css:"), r.err());
    assertTrue(r.err().contains("Comic Neue"), r.err());
    assertTrue(r.err().contains("[font-family]"), r.err());
  }

  @Test
  void missingMessageKeyNamesTheKeyTemplateAndBundle(@TempDir Path dir) throws Exception {
    Cli r =
        brokenRender(
            dir,
            p ->
                Fixtures.edit(
                    p.resolve("locales/en-GB.properties"),
                    "retention.heading = How long your personal data will be kept\n",
                    ""));
    assertTrue(r.out().contains("[retention.heading]"), r.out());
    assertTrue(r.out().contains("blocks.html:"), r.out());
    assertTrue(r.out().contains("en-GB.properties"), r.out());
  }

  @Test
  void imageWithoutAltTextNamesTheTemplateAndLine(@TempDir Path dir) throws Exception {
    Cli r =
        brokenRender(
            dir,
            p ->
                Fixtures.edit(
                    p.resolve("templates/sections/retention.html"),
                    "*/-->\n",
                    "*/-->\n<img src=\"clock.png\"/>\n"));
    assertTrue(r.err().contains("retention.html:2"), r.err());
    assertTrue(r.err().contains("without alt text"), r.err());
  }

  @Test
  void removedDocumentTitleFailsNamingTheTemplate(@TempDir Path dir) throws Exception {
    Cli r =
        brokenRender(
            dir,
            p ->
                Fixtures.edit(
                    p.resolve("templates/notice.html"),
                    "  <title th:text=\"${title}\">Title</title>\n",
                    ""));
    assertTrue(r.out().contains("notice.html"), r.out());
    assertTrue(r.out().contains("no document title"), r.out());
  }

  @Test
  void brokenIcuPatternNamesBundleLineAndKey(@TempDir Path dir) throws Exception {
    Cli r =
        brokenRender(
            dir,
            p ->
                Fixtures.edit(
                    p.resolve("locales/en-GB.properties"),
                    "security.heading = Keeping your information secure",
                    "security.heading = Keeping your {information secure"));
    assertTrue(
        r.err().matches("(?s).*en-GB\\.properties:\\d+: error \\[security\\.heading\\].*"),
        r.err());
  }

  @Test
  void bundleTextIsEscapedNeverMarkupOrExpression(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Fixtures.edit(
        project.resolve("locales/en-GB.properties"),
        "security.heading = Keeping your information secure",
        // ICU quoting ('{…}') makes the braces literal text, as a translator could.
        "security.heading = <script>alert(1)</script> $'{T(java.lang.System).exit(3)}' [[$'{title}']]");
    Path out = dir.resolve("output");
    Cli r = render(project, out);
    assertEquals(0, r.code(), r.out() + r.err());
    String html = Files.readString(out.resolve("standard/en-GB/standard.en-GB.html"));
    assertTrue(
        html.contains(
            "&lt;script&gt;alert(1)&lt;/script&gt; ${T(java.lang.System).exit(3)} "
                + "[[${title}]]"),
        "text appears literally, escaped");
    assertTrue(!html.contains("<script>"));
  }

  @Test
  void renderRefusesWhatLintCallsAnError(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Fixtures.edit(
        project.resolve("locales/pl.properties"),
        "Numer rejestracyjny: {icoRegistration}.",
        "Numer rejestracyjny: {icoRegistration} {foo}.");
    String finding =
        "pl.properties:35: error [intro.p.2] arguments differ from the source: " + "unknown {foo}";
    Cli lint = Cli.run("lint", "-p", project.toString());
    assertEquals(1, lint.code(), lint.printed());
    assertTrue(lint.out().contains(finding), lint.out());
    Path output = dir.resolve("output");
    Cli r =
        Cli.run(
            "render",
            "-v",
            "standard",
            "-l",
            "pl",
            "--project",
            project.toString(),
            "--output",
            output.toString());
    assertEquals(1, r.code(), r.printed());
    assertTrue(r.out().contains(finding), r.out());
    assertTrue(!Files.exists(output.resolve("standard/pl/standard.pl.pdf")), "nothing published");
  }

  /** The translation QA checks are lint too: a Polish plural without few and many is refused. */
  @Test
  void renderRefusesWhatTranslationQaCallsAnError(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Fixtures.edit(
        project.resolve("locales/pl.properties"),
        "one {# minuty} few {# minut} many {# minut} other {# minuty}",
        "one {# minuty} other {# minuty}");
    String finding =
        "pl.properties:15: error [document.readingTime] {minutes, plural} lacks few," + " many";
    Cli lint = Cli.run("lint", "-p", project.toString());
    assertTrue(lint.out().contains(finding), lint.out());
    Path output = dir.resolve("output");
    Cli r =
        Cli.run(
            "render",
            "-v",
            "consultation",
            "-l",
            "pl",
            "--project",
            project.toString(),
            "--output",
            output.toString());
    assertEquals(1, r.code(), r.printed());
    assertTrue(r.out().contains(finding), r.out());
    assertTrue(
        !Files.exists(output.resolve("consultation/pl/consultation.pl.pdf")), "nothing published");
  }

  private static Cli brokenRender(Path dir, Consumer<Path> breakIt) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Path output = dir.resolve("output");
    copy(shared.resolve("output"), output);
    breakIt.accept(project);
    Cli r = render(project, output);
    assertEquals(1, r.code(), "exit code 1 for bad input\n" + r.out() + r.err());
    assertArrayEquals(
        goodPdf,
        Files.readAllBytes(output.resolve("standard/en-GB/standard.en-GB.pdf")),
        "the published PDF is left as it was");
    assertArrayEquals(
        goodManifest,
        Files.readAllBytes(output.resolve("manifest.json")),
        "the manifest is left as it was");
    return r;
  }

  static Cli render(Path project, Path output) {
    return Cli.run(
        "render",
        "-v",
        "standard",
        "-l",
        "en-GB",
        "--project",
        project.toString(),
        "--output",
        output.toString());
  }

  private static void copy(Path output, Path to) throws Exception {
    Path from = output.toRealPath(); // the output folder is a link to its current generation
    try (var files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t);
        }
      }
    }
  }
}
