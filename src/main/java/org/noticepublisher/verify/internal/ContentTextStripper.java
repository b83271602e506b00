package org.noticepublisher.verify.internal;

import com.ibm.icu.text.Bidi;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jspecify.annotations.Nullable;
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
  private static final COSName REVERSED_CHARS = COSName.getPDFName("ReversedChars");
  private final boolean includeArtifacts;
  private final boolean rightToLeft;
  private final StringBuilder line = new StringBuilder();
  private final StringBuilder drawn = new StringBuilder();
  private final StringBuilder drawnAsCharacters = new StringBuilder();
  private final List<Glyph> glyphs = new ArrayList<>();
  private final List<Page> pages = new ArrayList<>();

  /** Inside a marked-content span with /ActualText: its text, depth and glyphs. */
  private @Nullable String actualText;

  private int actualTextDepth;

  /** Inside a ReversedChars sequence: the ActualText of each span in it, in drawing order. */
  private @Nullable List<String> reversedSpans;

  private final List<TextPosition> spanned = new java.util.ArrayList<>();

  /** The open marked-content sequences, innermost first, each gathering the text it holds. */
  private final Deque<Sequence> sequences = new ArrayDeque<>();

  /** Per page, the text of each marked-content sequence with an MCID. */
  private final Map<PDPage, Map<Integer, String>> markedText = new HashMap<>();

  private Map<Integer, String> pageMarkedText = new HashMap<>();

  /**
   * A marked-content sequence being read: its MCID (-1 for none), whether it is tagged an artifact,
   * whether it is inside one (itself or a sequence around it), its /ActualText and the text of the
   * glyphs drawn in it so far.
   */
  private record Sequence(
      int mcid,
      boolean artifact,
      boolean hidden,
      @Nullable String actualText,
      StringBuilder text) {}

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
    Map<PDPage, Map<Integer, String>> marked = new HashMap<>();
    stripper.markedText.forEach((page, byId) -> marked.put(page, Map.copyOf(byId)));
    return new Extraction(
        text,
        stripper.drawn.toString(),
        stripper.drawnAsCharacters.toString(),
        List.copyOf(stripper.glyphs),
        List.copyOf(stripper.pages),
        Map.copyOf(marked));
  }

  /**
   * What {@link #extract} returns: the content text, every glyph as drawn, the glyphs drawn outside
   * ActualText spans (character by character, not shaped by glyph id), each glyph's box, each
   * page's visible area (for checks on where text is drawn) and, per page, the text of each
   * marked-content sequence by MCID ({@link TaggedBlocks}). A sequence's text is its /ActualText if
   * it has one, else the glyphs drawn in it and the text of the sequences inside it that have
   * neither an MCID of their own nor the Artifact tag. That is what PDFBox's {@code
   * PDFMarkedContentExtractor} gives, from this same pass over the pages, but for one thing: a
   * glyph drawn again over the same glyph is kept, as a screen reader reads it, where PDFBox drops
   * the second (the notices draw none; {@code MarkedTextTest}).
   */
  public record Extraction(
      String text,
      String drawn,
      String drawnAsCharacters,
      List<Glyph> glyphs,
      List<Page> pages,
      Map<PDPage, Map<Integer, String>> markedText) {}

  /** One drawn glyph; {@code top} and {@code bottom} (its baseline) measured down from the top. */
  public record Glyph(
      int page, String text, float left, float right, float top, float bottom, boolean artifact) {}

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
    boolean isArtifact = COSName.ARTIFACT.equals(tag);
    String text = properties == null ? null : properties.getString(COSName.ACTUAL_TEXT);
    sequences.push(
        new Sequence(
            properties == null ? -1 : properties.getInt(COSName.MCID, -1),
            isArtifact,
            isArtifact || hidden(),
            text,
            new StringBuilder()));
    if (actualText == null && text != null) {
      actualText = text;
      actualTextDepth = sequences.size();
    } else if (actualText == null && REVERSED_CHARS.equals(tag)) {
      // A right-to-left word drawn left to right, a span per letter: one word, read as a whole.
      actualText = "";
      actualTextDepth = sequences.size();
      reversedSpans = new ArrayList<>();
    } else if (reversedSpans != null && text != null) {
      reversedSpans.add(text);
    }
    super.beginMarkedContentSequence(tag, properties);
  }

  @Override
  public void endMarkedContentSequence() {
    boolean spanEnds = actualText != null && sequences.size() == actualTextDepth;
    closeSequence();
    // PDFBox's own ActualText handling (text on the first glyph drawn, the others emptied) ends
    // here, before the span's glyphs are handed on as one.
    super.endMarkedContentSequence();
    String text = actualText;
    if (spanEnds && text != null) {
      List<String> letters = reversedSpans;
      if (letters != null) {
        StringBuilder word = new StringBuilder();
        for (int i = letters.size() - 1; i >= 0; i--) {
          word.append(letters.get(i));
        }
        text = word.toString();
        reversedSpans = null;
      }
      actualText = null;
      if (!spanned.isEmpty()) {
        // Right-to-left lines are compared as drawn (visual order): so is the span's text.
        keep(
            replacement(
                spanned,
                rightToLeft && Bidi.requiresBidi(text.toCharArray(), 0, text.length())
                    ? Bidi.writeReverse(text, Bidi.DO_MIRRORING)
                    : text));
        spanned.clear();
      }
    }
  }

  /** Ends the innermost marked-content sequence, giving its text to its MCID or its parent. */
  private void closeSequence() {
    Sequence ended = sequences.poll();
    if (ended == null) {
      return;
    }
    String text = ended.actualText() != null ? ended.actualText() : ended.text().toString();
    Sequence parent = sequences.peek();
    if (ended.mcid() >= 0) {
      pageMarkedText.merge(ended.mcid(), text, String::concat);
    } else if (parent != null && !ended.artifact()) {
      parent.text().append(text);
    }
  }

  @Override
  protected void startPage(PDPage page) throws IOException {
    PDRectangle box = page.getCropBox();
    pages.add(new Page(getCurrentPageNo(), box.getWidth(), box.getHeight()));
    sequences.clear();
    pageMarkedText = new HashMap<>();
    markedText.put(page, pageMarkedText);
    super.startPage(page);
  }

  @Override
  protected void endPage(PDPage page) throws IOException {
    // A sequence left open at the end of its page still has its text.
    while (!sequences.isEmpty()) {
      closeSequence();
    }
    super.endPage(page);
  }

  @Override
  protected void processTextPosition(TextPosition text) {
    // The glyph's own text: PDFTextStripper puts a span's /ActualText in place of it only below.
    Sequence open = sequences.peek();
    if (open != null) {
      open.text().append(text.getUnicode());
    }
    drawn.append(text.getUnicode());
    if (text.getUnicode() != null && !text.getUnicode().isBlank()) {
      // DirAdj: the baseline's y measured from the top; the glyph rises by its height above it.
      float left = text.getXDirAdj();
      float baseline = text.getYDirAdj();
      glyphs.add(
          new Glyph(
              getCurrentPageNo(),
              text.getUnicode(),
              left,
              left + text.getWidthDirAdj(),
              baseline - text.getHeightDir(),
              baseline,
              hidden()));
    }
    if (actualText == null) {
      drawnAsCharacters.append(text.getUnicode());
    }
    if (actualText != null) {
      spanned.add(text);
    } else {
      keep(text);
    }
  }

  private void keep(TextPosition text) {
    if (includeArtifacts || !hidden()) {
      super.processTextPosition(text);
    }
  }

  /** Whether glyphs drawn now are inside an artifact. */
  private boolean hidden() {
    Sequence open = sequences.peek();
    return open != null && open.hidden();
  }

  /**
   * The glyphs of an ActualText span as one text position carrying the span's text, from the left
   * edge of the leftmost glyph to the right edge of the rightmost one, on the leftmost glyph's
   * baseline (Indic pre-base vowels and the end of a Nastaliq word sit on the line; Nastaliq
   * letters climb above it). This is what a screen reader and copy-paste get: complex scripts draw
   * glyphs in an order of their own, or ligatures.
   */
  private static TextPosition replacement(List<TextPosition> glyphs, String text) {
    TextPosition left = glyphs.get(0);
    float right = left.getX() + left.getWidth();
    for (TextPosition g : glyphs) {
      if (g.getX() < left.getX()) {
        left = g;
      }
      right = Math.max(right, g.getX() + g.getWidth());
    }
    TextPosition first = glyphs.get(0);
    float width = right - left.getX();
    return new TextPosition(
        first.getRotation(),
        first.getPageWidth(),
        first.getPageHeight(),
        new org.apache.pdfbox.util.Matrix(
            left.getTextMatrix().getScaleX(),
            left.getTextMatrix().getShearY(),
            left.getTextMatrix().getShearX(),
            left.getTextMatrix().getScaleY(),
            left.getX(),
            left.getTextMatrix().getTranslateY()),
        right,
        left.getEndY(),
        first.getHeight(),
        width,
        first.getWidthOfSpace(),
        text,
        first.getCharacterCodes(),
        first.getFont(),
        first.getFontSize(),
        (int) first.getFontSizeInPt());
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
