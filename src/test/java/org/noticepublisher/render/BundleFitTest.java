package org.noticepublisher.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.noticepublisher.Finding;
import org.noticepublisher.Fixtures;
import org.noticepublisher.catalog.Bundle;

/** QA check 10: strings with little room fit it, and every character has a glyph. */
class BundleFitTest {
  private static final BundleFit FIT = BundleFit.withShippedFonts();

  @Test
  void tooLongAndUndrawableTextIsReportedAtItsLine() throws Exception {
    Path file = Path.of("src/test/resources/qa/fit/pl.properties");
    List<Finding> findings =
        FIT.check(Bundle.load(file), Fixtures.pipeline().assembler().variants().values());
    assertEquals(3, findings.size(), findings.toString());
    assertTrue(
        findings.stream()
            .anyMatch(
                f -> f.line() == 4 && f.message().startsWith("too long for the title (H1): ")),
        findings.toString());
    Finding footer =
        findings.stream()
            .filter(f -> f.message().contains("running footer"))
            .findFirst()
            .orElseThrow();
    assertEquals(4, footer.line());
    assertTrue(footer.message().startsWith("too long for the running footer: "), footer.message());
    assertTrue(footer.message().endsWith("needs 3 lines, room for 2"), footer.message());
    assertEquals("standard.title", footer.code());
    Finding glyphs =
        findings.stream().filter(f -> f.code().equals("collect.heading")).findFirst().orElseThrow();
    assertTrue(glyphs.isError());
    assertEquals(5, glyphs.line());
    assertTrue(glyphs.message().startsWith("no shipped font can draw U+0C24 త"), glyphs.message());
  }

  @Test
  void theShippedBundlesFit() {
    assertEquals(
        List.of(),
        FIT.check(
            Fixtures.pipeline().catalog(), Fixtures.pipeline().assembler().variants().values()));
  }

  @Test
  void widthFollowsTheScriptsFont() {
    double latin = FIT.widthMm("Privacy notice", 10, false, BundleFit.fontOrder("pl"));
    assertTrue(latin > 20 && latin < 35, "14 Latin letters at 10 pt: " + latin);
    assertTrue(
        FIT.widthMm("Privacy notice", 10, true, BundleFit.fontOrder("pl")) > latin,
        "bold is wider");
  }
}
