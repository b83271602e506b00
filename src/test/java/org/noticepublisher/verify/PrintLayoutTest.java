package org.noticepublisher.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticepublisher.Fixtures;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.pipeline.Publication;

/**
 * Print for schools: every paper size and large print still validates, reads back, and is big
 * enough.
 */
class PrintLayoutTest {

  @ParameterizedTest(name = "{0} {1} large={2}")
  @CsvSource({
    // variant, paper, large print, page width pt, page height pt, minimum body size pt
    "standard, A4, false, 595, 841, 10",
    "children-and-young-people, A4, false, 595, 841, 13",
    "children-and-young-people, A5, false, 419, 595, 13",
    "children-and-young-people, A4, true, 595, 841, 16",
    "standard, A5, true, 419, 595, 16",
    "consultation, LETTER, false, 612, 792, 10"
  })
  void validatesAndKeepsBodyTextLargeEnough(
      String variant,
      Layout.PageSize paper,
      boolean largePrint,
      int width,
      int height,
      double minBody)
      throws IOException {
    Publication p =
        Fixtures.produced(new NoticeId(variant, "en-GB"), new Layout(paper, largePrint));
    assertTrue(p.publishable(), () -> p.findings().toString());
    try (PDDocument doc = Loader.loadPDF(p.pdf().orElseThrow().bytes())) {
      assertEquals(width, (int) doc.getPage(0).getMediaBox().getWidth());
      assertEquals(height, (int) doc.getPage(0).getMediaBox().getHeight());
      double body = bodySize(doc);
      assertTrue(body >= minBody, "body text " + body + " pt, at least " + minBody);
    }
  }

  /** The font size most characters are set in: the body text. */
  static double bodySize(PDDocument doc) throws IOException {
    Map<Double, Integer> counts = new HashMap<>();
    new PDFTextStripper() {
      @Override
      protected void processTextPosition(TextPosition t) {
        counts.merge(Math.round(t.getFontSizeInPt() * 10) / 10.0, 1, Integer::sum);
      }
    }.getText(doc);
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }
}
