package org.noticepublisher.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.junit.jupiter.api.Test;
import org.noticepublisher.FindingsException;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.assemble.Notice;
import org.noticepublisher.verify.PdfInspection;
import org.noticepublisher.verify.PdfValidator;

/**
 * openhtmltopdf drops text silently in these cases; the renderer must refuse instead. And what the
 * PDF/UA-2 conversion does with links.
 */
class PdfRendererTest {
  private static final PdfRenderer RENDERER = PdfRenderer.create();

  private static Notice notice(String style, String body) {
    String html =
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"UTF-8\"/>"
            + "<title>Test</title><meta name=\"subject\" content=\"A test\"/><style>"
            + style
            + "</style></head><body><h1>Test</h1><p>"
            + body
            + "</p></body></html>";
    return new Notice(
        new NoticeId("test", "en-GB"),
        "en-GB",
        false,
        "Test",
        "",
        "",
        html,
        List.of(body),
        false,
        Map.of(),
        Notice.Fallback.NONE,
        List.of());
  }

  @Test
  void rendersWithShippedFonts() throws FindingsException {
    RenderedPdf pdf =
        RENDERER.render(
            notice("body { font-family: 'Noto Sans'; }", "Hello"), LocalDate.of(2026, 1, 1));
    assertTrue(pdf.pages() == 1 && pdf.bytes().length > 1000);
  }

  @Test
  void unknownFontFamilyFailsTheRender() {
    FindingsException e =
        assertThrows(
            FindingsException.class,
            () ->
                RENDERER.render(
                    notice("html, body { font-family: 'No Such Font'; }", "Hello"),
                    LocalDate.of(2026, 1, 1)));
    assertTrue(e.getMessage().toLowerCase().contains("font"), e.getMessage());
  }

  @Test
  void characterNoShippedFontCoversFailsTheRender() {
    // Telugu: none of the shipped fonts has these glyphs (Tamil has had a font since issue 12).
    FindingsException e =
        assertThrows(
            FindingsException.class,
            () ->
                RENDERER.render(
                    notice("body { font-family: 'Noto Sans'; }", "Hello తెలుగు"),
                    LocalDate.of(2026, 1, 1)));
    assertTrue(
        e.getMessage()
            .contains("[glyph] no shipped font has a glyph for U+0C24 'త' " + "(TELUGU LETTER TA)"),
        e.getMessage());
  }

  @Test
  void linkInsideTheNoticeIsRefusedForPdfUa2AndSaysWhatToDo() throws FindingsException {
    Notice n =
        notice(
            "body { font-family: 'Noto Sans'; }",
            "See <a href=\"#rights\">your rights</a>.</p><h2 id=\"rights\">Your rights</h2><p>Text");
    FindingsException e =
        assertThrows(
            FindingsException.class,
            () -> RENDERER.render(n, LocalDate.of(2026, 1, 1), Layout.Standard.UA2));
    assertTrue(
        e.getMessage()
            .contains(
                "[standard.ua2.internal-link] the link 'your rights' points "
                    + "inside the notice (#rights)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("--standard ua1"), e.getMessage());
    // PDF/UA-1 has no such rule: the same notice renders.
    assertTrue(RENDERER.render(n, LocalDate.of(2026, 1, 1)).pages() == 1);
  }

  @Test
  void linkTitleBecomesAltAndContentsAndAnUntitledLinkHasNoAlt() throws Exception {
    Notice n =
        notice(
            "body { font-family: 'Noto Sans'; }",
            "Write to <a href=\"https://example.org/a\" title=\"Complaints form (opens the web "
                + "site)\">the form</a> or <a href=\"https://example.org/b\">example.org/b</a>.");
    RenderedPdf pdf = RENDERER.render(n, LocalDate.of(2026, 1, 1), Layout.Standard.UA2);
    assertEquals(
        List.of(),
        PdfValidator.publishingStandards(Layout.Standard.UA2).validate(pdf.bytes(), "test"),
        "veraPDF ua2 + wt1a + 4");
    List<String> links = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
      for (PDStructureElement e : PdfInspection.structure(doc)) {
        for (PDAnnotation a : PdfInspection.annotations(e)) {
          links.add(
              e.getStructureType()
                  + " alt="
                  + e.getAlternateDescription()
                  + " contents="
                  + a.getContents());
        }
      }
    }
    assertEquals(
        List.of(
            "Link alt=Complaints form (opens the web site)"
                + " contents=Complaints form (opens the web site)",
            "Link alt=null contents=example.org/b"),
        links);
  }
}
