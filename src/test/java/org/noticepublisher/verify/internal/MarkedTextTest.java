package org.noticepublisher.verify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.noticepublisher.Fixtures;

/**
 * The text of each marked-content sequence, which the reading-order check compares with the notice,
 * now comes from the same pass over the pages as the text-fidelity check's. For every notice it is
 * what PDFBox's own {@link PDFMarkedContentExtractor} gives, page by page, as the check read it
 * before.
 */
class MarkedTextTest {
  static Stream<Arguments> matrix() {
    return Fixtures.pipeline().matrix(List.of(), List.of()).stream()
        .map(id -> Arguments.of(id.variant(), id.locale()));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("matrix")
  void eachSequenceHasTheTextPdfBoxGivesIt(String variant, String locale) throws Exception {
    byte[] pdf = Fixtures.produced(variant, locale).pdf().orElseThrow().bytes();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      Map<PDPage, Map<Integer, String>> ours = ContentTextStripper.extract(doc).markedText();
      int page = 0;
      int sequences = 0;
      for (PDPage p : doc.getPages()) {
        page++;
        PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
        extractor.processPage(p);
        Map<Integer, String> theirs = new HashMap<>();
        for (PDMarkedContent content : extractor.getMarkedContents()) {
          collect(content, theirs);
        }
        assertEquals(theirs, ours.get(p), "page " + page);
        sequences += theirs.size();
      }
      assertTrue(sequences > 100, "a notice is tagged throughout: " + sequences);
    }
  }

  /**
   * The text of {@code content} by PDFBox's tree: its /ActualText, or its glyphs and the text of
   * inner sequences that have neither an MCID nor the Artifact tag; recorded under its MCID.
   */
  private static String collect(PDMarkedContent content, Map<Integer, String> byId) {
    StringBuilder text = new StringBuilder();
    for (Object o : content.getContents()) {
      if (o instanceof TextPosition t) {
        text.append(t.getUnicode());
      } else if (o instanceof PDMarkedContent inner) {
        String innerText = collect(inner, byId);
        if (inner.getMCID() < 0 && !"Artifact".equals(inner.getTag())) {
          text.append(innerText);
        }
      }
    }
    String result = content.getActualText() != null ? content.getActualText() : text.toString();
    if (content.getMCID() >= 0) {
      byId.merge(content.getMCID(), result, String::concat);
    }
    return result;
  }
}
