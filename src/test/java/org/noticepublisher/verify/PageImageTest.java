package org.noticepublisher.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.noticepublisher.Fixtures;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.pipeline.Publication;

/**
 * Every page as a reader sees it, rendered by PDFBox: nothing blank, and nothing drawn in the outer
 * 8 mm of the paper, where text lands when a line overflows its box (as a right-to-left footer once
 * did) or would be cut off by a printer.
 */
class PageImageTest {
  private static final float DPI = 72;
  private static final int EDGE = Math.round(8 / 25.4f * DPI);

  static Stream<Arguments> matrix() {
    return MatrixTest.matrix();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("matrix")
  void everyPageHasTextAndNothingReachesTheEdge(String variant, String locale) throws Exception {
    assertPagesClean(Fixtures.produced(variant, locale).pdf().orElseThrow().bytes());
  }

  @ParameterizedTest(name = "{0} {1} {2} large={3}")
  @CsvSource({
    "consultation, uk, A5, true",
    "children-and-young-people, ar, A5, false",
    "standard, pl, LETTER, true",
    "children-and-young-people, en-GB, A5, true",
    // complex scripts: each on smaller paper or in large print, Urdu (Nastaliq) on both
    "children-and-young-people, ta, A5, false",
    "children-and-young-people, bn, A4, true",
    "children-and-young-people, gu, A5, true",
    "children-and-young-people, pa, A5, false",
    "children-and-young-people, ur, A5, false",
    "children-and-young-people, ur, A4, true"
  })
  void smallerPaperAndLargePrintStayOffTheEdges(
      String variant, String locale, Layout.PageSize paper, boolean large) throws Exception {
    Publication p = Fixtures.produced(new NoticeId(variant, locale), new Layout(paper, large));
    assertTrue(p.publishable(), () -> p.findings().toString());
    assertPagesClean(p.pdf().orElseThrow().bytes());
  }

  private static void assertPagesClean(byte[] pdf) throws Exception {
    List<String> problems = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(doc);
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        BufferedImage page = renderer.renderImageWithDPI(i, DPI, ImageType.GRAY);
        int ink = ink(page, EDGE, page.getWidth() - EDGE, EDGE, page.getHeight() - EDGE);
        if (ink < 20) {
          problems.add("page " + (i + 1) + " is (nearly) blank");
        }
        int edges =
            ink(page, 0, EDGE, 0, page.getHeight())
                + ink(page, page.getWidth() - EDGE, page.getWidth(), 0, page.getHeight())
                + ink(page, 0, page.getWidth(), 0, EDGE)
                + ink(page, 0, page.getWidth(), page.getHeight() - EDGE, page.getHeight());
        if (edges > 0) {
          problems.add(
              "page " + (i + 1) + " has " + edges + " dark pixels within 8 mm of the edge");
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  private static int ink(BufferedImage image, int x0, int x1, int y0, int y1) {
    int dark = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        if ((image.getRGB(x, y) & 0xFF) < 200) {
          dark++;
        }
      }
    }
    return dark;
  }
}
