package org.noticepublisher.verify.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.noticepublisher.catalog.Catalog;

/**
 * Extracts the text a screen reader gets: everything except what is marked as an artifact (running
 * footers, page numbers). With {@code includeArtifacts} it extracts what a plain text copy gets.
 *
 * <p>Glyphs are taken in position order, line by line (openhtmltopdf paints some inline boxes out
 * of order). PDFBox guesses each line's direction from its first strong letter, which is wrong for
 * a right-to-left paragraph whose line starts with an English name, and no guess can undo bidi
 * reordering exactly. So for right-to-left documents the lines are given as drawn, left to right,
 * and compared with the expected text laid out by the bidi algorithm ({@link VisualLines}).
 */
public final class ContentTextStripper extends PDFTextStripper {
  private final boolean includeArtifacts;
  private final boolean rightToLeft;
  private final Deque<Boolean> artifact = new ArrayDeque<>();
  private final StringBuilder line = new StringBuilder();
  private final StringBuilder drawn = new StringBuilder();
  private final List<Glyph> glyphs = new ArrayList<>();
  private final List<Page> pages = new ArrayList<>();

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
    return new Extraction(text, stripper.drawn.toString(), List.copyOf(stripper.glyphs),
        List.copyOf(stripper.pages));
  }

  /**
   * What {@link #extract} returns: the content text, every glyph as drawn, each glyph's box and
   * each page's visible area (for checks on where text is drawn).
   */
  public record Extraction(String text, String drawn, List<Glyph> glyphs, List<Page> pages) {}

  /** One drawn glyph; {@code top} and {@code bottom} (its baseline) measured down from the top. */
  public record Glyph(int page, String text, float left, float right, float top, float bottom,
      boolean artifact) {}

  /** A page's visible area, from its crop box. */
  public record Page(int number, float width, float height) {}

  public static String everything(PDDocument doc) throws IOException {
    return new ContentTextStripper(true, isRightToLeft(doc)).getText(doc);
  }

  /** The document's language (/Lang) is written right to left. */
  public static boolean isRightToLeft(PDDocument doc) {
    String lang = doc.getDocumentCatalog().getLanguage();
    return lang != null && Catalog.isRightToLeft(lang);
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
  protected void startPage(PDPage page) throws IOException {
    PDRectangle box = page.getCropBox();
    pages.add(new Page(getCurrentPageNo(), box.getWidth(), box.getHeight()));
    super.startPage(page);
  }

  @Override
  protected void processTextPosition(TextPosition text) {
    drawn.append(text.getUnicode());
    if (text.getUnicode() != null && !text.getUnicode().isBlank()) {
      // DirAdj: the baseline's y measured from the top; the glyph rises by its height above it.
      float left = text.getXDirAdj();
      float baseline = text.getYDirAdj();
      glyphs.add(new Glyph(getCurrentPageNo(), text.getUnicode(), left,
          left + text.getWidthDirAdj(), baseline - text.getHeightDir(), baseline,
          !artifact.isEmpty() && artifact.peek()));
    }
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
