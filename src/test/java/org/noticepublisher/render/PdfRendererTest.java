package org.noticepublisher.render;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.noticepublisher.FindingsException;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Notice;

/** openhtmltopdf drops text silently in these cases; the renderer must refuse instead. */
class PdfRendererTest {
  private static final PdfRenderer RENDERER = PdfRenderer.create();

  private static Notice notice(String style, String body) {
    String html = "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"UTF-8\"/>"
        + "<title>Test</title><meta name=\"subject\" content=\"A test\"/><style>" + style + "</style></head><body><h1>Test</h1><p>" + body
        + "</p></body></html>";
    return new Notice(new NoticeId("test", "en-GB"), "en-GB", false, "Test", "", "", html,
        List.of(body), false, Map.of(), Notice.Fallback.NONE, List.of());
  }

  @Test
  void rendersWithShippedFonts() throws FindingsException {
    RenderedPdf pdf = RENDERER.render(notice("body { font-family: 'Noto Sans'; }", "Hello"),
        LocalDate.of(2026, 1, 1));
    assertTrue(pdf.pages() == 1 && pdf.bytes().length > 1000);
  }

  @Test
  void unknownFontFamilyFailsTheRender() {
    FindingsException e = assertThrows(FindingsException.class, () -> RENDERER.render(
        notice("html, body { font-family: 'No Such Font'; }", "Hello"), LocalDate.of(2026, 1, 1)));
    assertTrue(e.getMessage().toLowerCase().contains("font"), e.getMessage());
  }

  @Test
  void characterNoShippedFontCoversFailsTheRender() {
    // Telugu: none of the shipped fonts has these glyphs (Tamil has had a font since issue 12).
    FindingsException e = assertThrows(FindingsException.class, () -> RENDERER.render(
        notice("body { font-family: 'Noto Sans'; }", "Hello తెలుగు"), LocalDate.of(2026, 1, 1)));
    assertTrue(e.getMessage().contains("[glyph] no shipped font has a glyph for U+0C24 'త' "
        + "(TELUGU LETTER TA)"), e.getMessage());
  }
}
