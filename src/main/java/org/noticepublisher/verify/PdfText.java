package org.noticepublisher.verify;

import java.io.IOException;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jspecify.annotations.Nullable;
import org.noticepublisher.verify.internal.ContentTextStripper;

/**
 * A PDF's text, read in one pass over its pages for every check that compares it with the notice
 * ({@link TextFidelity}, {@link ReadingOrder}). Reading the pages was a third of what those checks
 * cost, and each read them again. What PDFBox cannot read is thrown to each check in turn, which
 * reports it as its own finding.
 */
public final class PdfText {
  private final PDDocument document;
  private final ContentTextStripper.@Nullable Extraction extraction;
  private final @Nullable IOException failure;

  private PdfText(
      PDDocument document,
      ContentTextStripper.@Nullable Extraction extraction,
      @Nullable IOException failure) {
    this.document = document;
    this.extraction = extraction;
    this.failure = failure;
  }

  /** Reads {@code document}'s pages; never throws for an unreadable page (see the class). */
  public static PdfText read(PDDocument document) {
    Objects.requireNonNull(document, "document");
    try {
      return new PdfText(document, ContentTextStripper.extract(document), null);
    } catch (IOException e) {
      return new PdfText(document, null, e);
    }
  }

  PDDocument document() {
    return document;
  }

  /** What the pass read; throws what stopped it. */
  ContentTextStripper.Extraction extraction() throws IOException {
    if (failure != null) {
      throw failure;
    }
    return Objects.requireNonNull(extraction, "extraction"); // set whenever failure is not
  }
}
