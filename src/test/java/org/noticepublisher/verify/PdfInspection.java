package org.noticepublisher.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;
import org.noticepublisher.verify.internal.ContentTextStripper;

/**
 * Reads back what a PDF gives a reader: its text, with and without artifacts, and its structure
 * tree.
 */
public final class PdfInspection {
  private PdfInspection() {}

  public static String contentText(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return ContentTextStripper.content(doc);
    }
  }

  public static String allText(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return ContentTextStripper.everything(doc);
    }
  }

  /** Every glyph as drawn, before PDFBox's text output folds ligatures into letters. */
  public static String drawnGlyphs(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return ContentTextStripper.extract(doc).drawn();
    }
  }

  /** Structure elements in document order. */
  public static List<PDStructureElement> structure(PDDocument doc) {
    List<PDStructureElement> out = new ArrayList<>();
    walk(doc.getDocumentCatalog().getStructureTreeRoot(), out);
    return out;
  }

  private static void walk(PDStructureNode node, List<PDStructureElement> out) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement e) {
        out.add(e);
        walk(e, out);
      }
    }
  }

  /**
   * The text of every structure element that declares a language ({@code /Lang}), as language and
   * text pairs in document order; the text is the glyphs of its marked content, without spaces.
   */
  public static List<Map.Entry<String, String>> textByLanguage(PDDocument doc) throws IOException {
    Map<PDPage, Map<Integer, StringBuilder>> marked = new HashMap<>();
    for (PDPage page : doc.getPages()) {
      PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
      extractor.processPage(page);
      Map<Integer, StringBuilder> byId = new HashMap<>();
      extractor.getMarkedContents().forEach(c -> collect(c, byId));
      marked.put(page, byId);
    }
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (PDStructureElement e : structure(doc)) {
      if (e.getLanguage() != null) {
        StringBuilder text = new StringBuilder();
        text(e, null, marked, text);
        out.add(Map.entry(e.getLanguage(), text.toString().replaceAll("\\s+", "")));
      }
    }
    return out;
  }

  private static void collect(PDMarkedContent content, Map<Integer, StringBuilder> byId) {
    for (Object o : content.getContents()) {
      if (o instanceof TextPosition t) {
        byId.computeIfAbsent(content.getMCID(), k -> new StringBuilder()).append(t.getUnicode());
      } else if (o instanceof PDMarkedContent inner) {
        collect(inner, byId);
      }
    }
  }

  private static void text(
      PDStructureElement e,
      PDPage inherited,
      Map<PDPage, Map<Integer, StringBuilder>> marked,
      StringBuilder out) {
    PDPage page = e.getPage() != null ? e.getPage() : inherited;
    for (Object kid : e.getKids()) {
      if (kid instanceof Integer mcid && page != null) {
        out.append(marked.getOrDefault(page, Map.of()).getOrDefault(mcid, new StringBuilder()));
      } else if (kid instanceof PDMarkedContentReference ref) {
        out.append(
            marked
                .getOrDefault(ref.getPage(), Map.of())
                .getOrDefault(ref.getMCID(), new StringBuilder()));
      } else if (kid instanceof PDStructureElement child) {
        text(child, page, marked, out);
      }
    }
  }

  /** Annotations referenced from a structure element (a Link's OBJR kids). */
  public static List<PDAnnotation> annotations(PDStructureElement element) {
    List<PDAnnotation> out = new ArrayList<>();
    for (Object kid : element.getKids()) {
      if (kid instanceof PDObjectReference ref) {
        Object target = ref.getReferencedObject();
        if (target instanceof PDAnnotation a) {
          out.add(a);
        }
      }
    }
    return out;
  }
}
