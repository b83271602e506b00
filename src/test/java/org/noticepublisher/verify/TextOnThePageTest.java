package org.noticepublisher.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.Finding;
import org.noticepublisher.Fixtures;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.pipeline.Pipeline;
import org.noticepublisher.pipeline.Publication;

/**
 * Unbreakable text (a reference number, a long URL) wraps inside the page's margins; where a style
 * sheet stops it wrapping, the notice is refused naming the message that holds it, never published
 * with text past the paper's edge.
 */
class TextOnThePageTest {
  private static final String REFERENCE = "REF" + "0123456789ABCDEFGHIJ".repeat(100);
  private static final String URL =
      "https://www.example.org/"
          + "privacy/notices/children-and-young-people/".repeat(6)
          + "archive?id=1234567890";

  @TempDir static Path shared;
  private static Path project;

  @BeforeAll
  static void longTexts() {
    project = Fixtures.copyOfProject(shared.resolve("project"));
    Fixtures.edit(
        project.resolve("locales/pl.properties"),
        "retention.p.1 = Przechowujemy",
        "retention.p.1 = Numer " + REFERENCE + ". Przechowujemy");
    Fixtures.edit(
        project.resolve("locales/pl.properties"),
        "security.p.3 = Mamy również",
        "security.p.3 = Zobacz " + URL + " Mamy również");
  }

  @Test
  void longWordAndUrlWrapInsideTheMargins() throws Exception {
    Publication p = Pipeline.open(project).produce(new NoticeId("standard", "pl"), Layout.DEFAULT);
    assertTrue(p.publishable(), p.findings().toString());
    byte[] pdf = p.pdf().orElseThrow().bytes();
    Files.createDirectories(Path.of("target/test-output"));
    Files.write(Path.of("target/test-output/long-text.standard.pl.pdf"), pdf);
    List<String> outside = glyphsOutsideThePage(pdf);
    assertTrue(
        outside.isEmpty(),
        outside.size() + " glyphs off the page, e.g. " + outside.stream().limit(5).toList());
  }

  @Test
  void textThatCannotWrapIsRefusedNamingItsKey(@TempDir Path dir) throws Exception {
    Path nowrap = Fixtures.copyOfProject(dir.resolve("project"));
    Files.copy(
        project.resolve("locales/pl.properties"),
        nowrap.resolve("locales/pl.properties"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Fixtures.edit(
        nowrap.resolve("templates/notice.css"),
        "body {\n",
        "body {\n  word-wrap: normal;\n  white-space: nowrap;\n");
    Publication p = Pipeline.open(nowrap).produce(new NoticeId("standard", "pl"), Layout.DEFAULT);
    assertFalse(p.publishable(), "published with text off the page");
    List<Finding> errors = p.verdict().errors();
    assertTrue(
        errors.stream()
            .anyMatch(
                f ->
                    f.code().equals("retention.p.1")
                        && f.source().endsWith("pl.properties")
                        && f.line() == 103
                        && f.message().contains("off the page")),
        errors.toString());
  }

  /** Every glyph whose box is not wholly inside the page, with where it is. */
  static List<String> glyphsOutsideThePage(byte[] pdf) throws IOException {
    List<String> outside = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition t) {
              PDRectangle page = getCurrentPage().getCropBox();
              float x = t.getXDirAdj();
              float y = t.getYDirAdj();
              if (x < -0.5
                  || x + t.getWidthDirAdj() > page.getWidth() + 0.5
                  || y > page.getHeight()
                  || y - t.getHeightDir() < 0) {
                outside.add(
                    "'"
                        + t.getUnicode()
                        + "' at "
                        + x
                        + ","
                        + y
                        + " on page "
                        + getCurrentPageNo());
              }
            }
          };
      stripper.getText(doc);
    }
    return outside;
  }
}
