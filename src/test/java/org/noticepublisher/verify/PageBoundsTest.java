package org.noticepublisher.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where glyphs may be drawn, on a hand-made A4 page with a footer (an artifact) 30 pt above the
 * bottom edge: anywhere inside the page, and only the footer in the footer band.
 */
class PageBoundsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case | text | x | y (from the bottom) | artifact | findings | footer band
        "body text | Body | 72 | 700 | false | 0 | false",
        "footer text | Page 1 of 2 | 400 | 30 | true | 0 | false",
        "body text past the right edge | Beyond the edge of the paper | 560 | 400 | false | 1 | false",
        "body text past the left edge | Left | -20 | 400 | false | 1 | false",
        "body text above the top | Top | 72 | 845 | false | 1 | false",
        "footer below the bottom edge | Page 1 of 2 | 400 | -4 | true | 1 | false",
        "body text over the footer | Overlap | 72 | 29 | false | 1 | true",
        "body text just above the footer | Close | 72 | 50 | false | 0 | false"
      })
  void glyphsStayOnThePageAndOffTheFooter(
      String name,
      String text,
      float x,
      float y,
      boolean artifact,
      int findings,
      boolean footerBand)
      throws Exception {
    List<PageBounds.OffPage> off = PageBounds.check(page(text, x, y, artifact));
    assertEquals(findings, off.size(), off.toString());
    if (findings > 0) {
      assertEquals(footerBand, off.get(0).footerBand(), off.toString());
      String first = off.get(0).glyphs().replace(" ", "").substring(0, 1);
      assertTrue(text.replace(" ", "").contains(first), "the misplaced glyphs are named: " + off);
    }
  }

  private static byte[] page(String text, float x, float y, boolean artifact) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        write(s, font, "Our notice", 270, 30, true);
        write(s, font, text, x, y, artifact);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static void write(
      PDPageContentStream s, PDType1Font font, String text, float x, float y, boolean artifact)
      throws Exception {
    if (artifact) {
      s.beginMarkedContent(COSName.ARTIFACT);
    } else {
      s.beginMarkedContent(COSName.P);
    }
    s.beginText();
    s.setFont(font, 10);
    s.newLineAtOffset(x, y);
    s.showText(text);
    s.endText();
    s.endMarkedContent();
  }
}
