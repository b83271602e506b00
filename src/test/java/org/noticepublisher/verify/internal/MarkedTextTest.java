package org.noticepublisher.verify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.noticepublisher.Fixtures;

/**
 * The text of each marked-content sequence, which the reading-order check compares with the notice,
 * now comes from the same pass over the pages as the text-fidelity check's. For every notice it is
 * what PDFBox's own {@link PDFMarkedContentExtractor} gives, page by page, as the check read it
 * before; the one difference is shown by itself.
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
   * The one difference, on purpose: the same word drawn twice at one place, in two tagged
   * paragraphs, is in both, as a screen reader reads it. PDFBox's extractor drops the second.
   */
  @Test
  void aGlyphDrawnAgainOverItselfIsKept() throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        for (int mcid = 0; mcid < 2; mcid++) {
          COSDictionary properties = new COSDictionary();
          properties.setInt(COSName.MCID, mcid);
          content.beginMarkedContent(COSName.P, PDPropertyList.create(properties));
          content.beginText();
          content.setFont(font, 12);
          content.newLineAtOffset(100, 700);
          content.showText("Same");
          content.endText();
          content.endMarkedContent();
        }
      }
      assertEquals(
          Map.of(0, "Same", 1, "Same"), ContentTextStripper.extract(doc).markedText().get(page));
      PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
      extractor.processPage(page);
      Map<Integer, String> theirs = new HashMap<>();
      for (PDMarkedContent c : extractor.getMarkedContents()) {
        collect(c, theirs);
      }
      assertEquals(Map.of(0, "Same", 1, ""), theirs);
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
