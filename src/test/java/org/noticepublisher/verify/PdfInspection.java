package org.noticepublisher.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.noticepublisher.verify.internal.ContentTextStripper;

/** Reads back what a PDF gives a reader: its text, with and without artifacts, and its structure tree. */
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
