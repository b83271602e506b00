package org.noticepublisher.verify.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Extracts the text a screen reader gets: everything except what is marked as an artifact (running
 * footers, page numbers). With {@code includeArtifacts} it extracts what a plain text copy gets.
 *
 * <p>Glyphs are taken in position order, line by line (openhtmltopdf paints some inline boxes out of
 * order). PDFBox guesses each line's direction from its first strong letter, which is wrong for a
 * right-to-left paragraph whose line starts with an English name, and no guess can undo bidi
 * reordering exactly. So for right-to-left documents the lines are given as drawn, left to right,
 * and compared with the expected text laid out by the bidi algorithm ({@link VisualLines}).
 */
public final class ContentTextStripper extends PDFTextStripper {
  private final boolean includeArtifacts;
  private final boolean rightToLeft;
  private final Deque<Boolean> artifact = new ArrayDeque<>();
  private final StringBuilder line = new StringBuilder();
  private final StringBuilder drawn = new StringBuilder();

  private ContentTextStripper(boolean includeArtifacts, boolean rightToLeft) {
    this.includeArtifacts = includeArtifacts;
    this.rightToLeft = rightToLeft;
    setSortByPosition(true);
  }

  public static String content(PDDocument doc) throws IOException {
    return new ContentTextStripper(false, isRightToLeft(doc)).getText(doc);
  }

  /**
   * The content text, and every glyph as drawn (artifacts included). PDFBox's text output replaces
   * ligatures (ﬁ) and Arabic presentation forms with plain letters, so only the drawn glyphs show
   * what a PDF really contains, and what other readers and copy-paste get.
   */
  public static Extraction extract(PDDocument doc) throws IOException {
    ContentTextStripper stripper = new ContentTextStripper(false, isRightToLeft(doc));
    String text = stripper.getText(doc);
    return new Extraction(text, stripper.drawn.toString());
  }

  /** What {@link #extract} returns. */
  public record Extraction(String text, String drawn) {}

  public static String everything(PDDocument doc) throws IOException {
    return new ContentTextStripper(true, isRightToLeft(doc)).getText(doc);
  }

  /** The document's language (/Lang) is written right to left. */
  public static boolean isRightToLeft(PDDocument doc) {
    String lang = doc.getDocumentCatalog().getLanguage();
    return lang != null && (lang.equals("ar-XB") || com.ibm.icu.util.ULocale.addLikelySubtags(
        com.ibm.icu.util.ULocale.forLanguageTag(lang)).isRightToLeft());
  }

  @Override
  public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
    boolean inside = !artifact.isEmpty() && artifact.peek();
    artifact.push(inside || COSName.ARTIFACT.equals(tag));
    super.beginMarkedContentSequence(tag, properties);
  }

  @Override
  public void endMarkedContentSequence() {
    if (!artifact.isEmpty()) {
      artifact.pop();
    }
    super.endMarkedContentSequence();
  }

  @Override
  protected void processTextPosition(TextPosition text) {
    drawn.append(text.getUnicode());
    if (includeArtifacts || artifact.isEmpty() || !artifact.peek()) {
      super.processTextPosition(text);
    }
  }

  @Override
  protected void writeString(String text, List<TextPosition> positions) throws IOException {
    if (!rightToLeft) {
      super.writeString(text, positions);
      return;
    }
    for (TextPosition p : positions) {
      line.append(p.getUnicode());
    }
  }

  @Override
  protected void writeWordSeparator() throws IOException {
    if (rightToLeft) {
      line.append(getWordSeparator());
    } else {
      super.writeWordSeparator();
    }
  }

  @Override
  protected void writeLineSeparator() throws IOException {
    flushLine();
    super.writeLineSeparator();
  }

  @Override
  protected void writePageEnd() throws IOException {
    flushLine();
    super.writePageEnd();
  }

  private void flushLine() throws IOException {
    if (line.length() > 0) {
      output.write(line.toString());
      line.setLength(0);
    }
  }
}
