package org.noticepublisher.verify.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Every glyph drawn, with its box on the page (top-left origin) and whether it is an artifact. */
public final class PlacedGlyphs extends PDFTextStripper {
  /** One drawn glyph; {@code top} and {@code bottom} measured down from the page's top edge. */
  public record Glyph(int page, String text, float left, float right, float top, float bottom,
      boolean artifact) {}

  /** A page's visible area, from its crop box. */
  public record Page(int number, float width, float height) {}

  private final Deque<Boolean> artifact = new ArrayDeque<>();
  private final List<Glyph> glyphs = new ArrayList<>();
  private final List<Page> pages = new ArrayList<>();

  private PlacedGlyphs() {
    setSortByPosition(false);
  }

  public static PlacedGlyphs of(PDDocument doc) throws IOException {
    PlacedGlyphs placed = new PlacedGlyphs();
    placed.getText(doc);
    return placed;
  }

  public List<Glyph> glyphs() {
    return glyphs;
  }

  public List<Page> pages() {
    return pages;
  }

  @Override
  protected void startPage(org.apache.pdfbox.pdmodel.PDPage page) throws IOException {
    PDRectangle box = page.getCropBox();
    pages.add(new Page(getCurrentPageNo(), box.getWidth(), box.getHeight()));
    super.startPage(page);
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
  protected void processTextPosition(TextPosition t) {
    if (t.getUnicode() == null || t.getUnicode().isBlank()) {
      return;
    }
    // DirAdj: the y of the baseline measured from the top; the glyph rises by its height above it.
    float left = t.getXDirAdj();
    float baseline = t.getYDirAdj();
    glyphs.add(new Glyph(getCurrentPageNo(), t.getUnicode(), left, left + t.getWidthDirAdj(),
        baseline - t.getHeightDir(), baseline, !artifact.isEmpty() && artifact.peek()));
  }
}
