package org.noticepublisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticepublisher.assemble.Layout;

/**
 * What users read, exactly: the assembled HTML of a few notices and the findings lint prints for a
 * broken bundle. A change here is a change users see; accept it on purpose with {@code mvn -B test
 * -Dgolden.update=true -Dtest=GoldenTest} and review the diff.
 */
class GoldenTest {
  private static final Pattern DATA_URI =
      Pattern.compile("data:([a-z/+]+);base64,([A-Za-z0-9+/=]+)");

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"standard, en-GB", "children-and-young-people, ar", "consultation, ko"})
  void assembledHtml(String variant, String locale) throws FindingsException {
    String html =
        Fixtures.pipeline()
            .assembler()
            .assemble(new NoticeId(variant, locale), Layout.DEFAULT)
            .html();
    Golden.assertMatches(
        Path.of("html", variant + "." + locale + ".html"), digestDataUris(namedStyleSheets(html)));
  }

  /**
   * The manifest a web server, a script or a person reads: every field of every entry. Hashes and
   * byte counts change with any change to the code or fonts, so they are checked for their form and
   * shown as placeholders; everything else is compared as written.
   */
  @Test
  void manifestOfTwoNotices(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Path output = dir.resolve("output");
    Cli r =
        Cli.run(
            "render",
            "-v",
            "consultation",
            "-l",
            "en-GB,ar",
            "-p",
            project.toString(),
            "-o",
            output.toString());
    assertEquals(0, r.code(), r.printed());
    String manifest = Files.readString(output.resolve("manifest.json"), StandardCharsets.UTF_8);
    String normalised =
        manifest
            .replaceAll("\"(sha256|sources)\" : \"[0-9a-f]{64}\"", "\"$1\" : \"<sha256>\"")
            .replaceAll("\"bytes\" : [1-9][0-9]*", "\"bytes\" : <bytes>");
    assertTrue(
        !normalised.matches("(?s).*\"(sha256|sources)\" : \"(?!<sha256>).*"),
        "every hash is 64 hex digits: " + manifest);
    Golden.assertMatches(Path.of("manifest", "consultation.en-GB-ar.json"), normalised);
  }

  @Test
  void lintFindingsOfABrokenBundle(@TempDir Path dir) {
    Path project = Fixtures.copyOfProject(dir);
    Path pl = project.resolve("locales/pl.properties");
    Fixtures.edit(pl, "Numer rejestracyjny: {icoRegistration}.", "Numer rejestracyjny.");
    Fixtures.edit(pl, "standard.title = Nasza standardowa", "standard.title = Nasza 'standardowa'");
    Fixtures.edit(pl, "\ncollect.heading = ", "\ncollect.heading = {organization}: ");
    Fixtures.edit(pl, "\nstandard.title = ", "\nintro.p2 = Tekst\nstandard.title = ");
    Cli r = Cli.run("lint", "-p", project.toString());
    String printed =
        ("exit " + r.code() + "\n" + r.out() + r.err()).replace(project.toString(), "<project>");
    Golden.assertMatches(Path.of("lint", "broken-pl.txt"), printed);
  }

  @Test
  void aDifferenceShowsTheFirstDifferingLineWithItsContext(@TempDir Path dir) throws Exception {
    String expected = "one\ntwo\nthree\nfour\nfive\n";
    assertEquals(
        """
        first difference at line 4 (expected 6 lines, got 6 lines)
              1   one
              2   two
              3   three
        -     4   four
        -     5   five
        -     6   \n\
        +     4   four··
        +     5   five
        +     6   \n""",
        Golden.diff(expected, "one\ntwo\nthree\nfour  \nfive\n").orElseThrow());
    Path file = Golden.DIR.relativize(dir.resolve("sample.txt"));
    Files.writeString(dir.resolve("sample.txt"), expected, StandardCharsets.UTF_8);
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () -> Golden.assertMatches(file, expected.replace("four", "FOUR"), false));
    assertTrue(e.getMessage().contains("-Dgolden.update=true"), e.getMessage());
    Golden.assertMatches(file, expected, false);
  }

  /**
   * The project's style sheets are copied into each notice verbatim; in the golden file each is its
   * name and digest, so the file shows what assembly makes (the generated page rules stay in full).
   */
  private static String namedStyleSheets(String html) {
    String out = html;
    try (var sheets = Files.list(Fixtures.PROJECT.resolve("templates"))) {
      for (Path css : sheets.filter(f -> f.toString().endsWith(".css")).sorted().toList()) {
        String text = Files.readString(css, StandardCharsets.UTF_8);
        out =
            out.replace(
                text, "/* templates/" + css.getFileName() + ", sha256 " + sha256(text) + " */\n");
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  /** Icons are source files of their own (templates/icons/): a digest keeps the HTML readable. */
  private static String digestDataUris(String html) {
    Matcher m = DATA_URI.matcher(html);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, "data:" + m.group(1) + ";sha256-prefix=" + sha256(m.group(2)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String sha256(String text) {
    return Sha256.hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
  }
}
