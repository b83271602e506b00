package org.noticepublisher.render.internal;

import com.ibm.icu.text.BreakIterator;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Shapes a run of text with the JDK's layout engine ({@link Font#layoutGlyphVector}, HarfBuzz
 * inside OpenJDK): glyph ids, positions and the glyph-to-character map, the way a browser shapes
 * it. Positions are in thousandths of an em, at no particular size and without hinting, so a run
 * can be measured and drawn at any font size from one result.
 *
 * <p>Thread-safe: {@link Font} and {@link GlyphVector} creation are safe to call concurrently.
 */
public final class JdkShaper {
  /** Size at which glyphs are laid out: one unit is a thousandth of an em. */
  private static final float EM = 1000f;

  /** Fractional metrics and no transform: unhinted design advances, as PDF draws them. */
  private static final FontRenderContext CONTEXT =
      new FontRenderContext(new AffineTransform(), true, true);

  private final Font font;
  private final int blankGlyph;
  private final float blankAdvance;

  private JdkShaper(Font font) {
    this.font = font;
    GlyphVector space = font.createGlyphVector(CONTEXT, new char[] {' '});
    float advance = space.getGlyphMetrics(0).getAdvanceX();
    boolean blank =
        font.canDisplay(' ') && advance > 0 && space.getGlyphOutline(0).getBounds2D().isEmpty();
    this.blankGlyph = blank ? space.getGlyphCode(0) : -1;
    this.blankAdvance = blank ? advance : 0;
  }

  /**
   * The font's space glyph if it has an advance and no outline, else -1: a glyph that can be shown
   * anywhere, at any width, without drawing anything.
   */
  public int blankGlyph() {
    return blankGlyph;
  }

  /** The advance of {@link #blankGlyph}, in thousandths of an em. */
  public float blankAdvance() {
    return blankAdvance;
  }

  /** A shaper for the TrueType font in {@code bytes}. */
  public static JdkShaper of(byte[] bytes) {
    try {
      return new JdkShaper(
          Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes)).deriveFont(EM));
    } catch (FontFormatException e) {
      throw new IllegalArgumentException("bytes: not a TrueType font: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The PostScript name of the TrueType font in {@code bytes} (as PDFBox names it, unsubsetted).
   */
  public static String psName(byte[] bytes) {
    try {
      return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes)).getPSName();
    } catch (FontFormatException e) {
      throw new IllegalArgumentException("bytes: not a TrueType font: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Glyphs of {@code text} in visual order (left to right on the page).
   *
   * @param rightToLeft the run is right-to-left text in logical order
   */
  public Shaped shape(String text, boolean rightToLeft) {
    char[] chars = text.toCharArray();
    GlyphVector gv =
        font.layoutGlyphVector(
            CONTEXT,
            chars,
            0,
            chars.length,
            rightToLeft ? Font.LAYOUT_RIGHT_TO_LEFT : Font.LAYOUT_LEFT_TO_RIGHT);
    int n = gv.getNumGlyphs();
    int[] ids = gv.getGlyphCodes(0, n, null);
    float[] positions = gv.getGlyphPositions(0, n + 1, null);
    int[] charIndex = gv.getGlyphCharIndices(0, n, null);
    float[] x = new float[n];
    float[] y = new float[n];
    float[] pen = new float[n + 1];
    for (int i = 0; i < n; i++) {
      x[i] = positions[2 * i];
      y[i] = positions[2 * i + 1];
      pen[i + 1] = pen[i] + gv.getGlyphMetrics(i).getAdvanceX();
    }
    return new Shaped(text, ids, x, y, positions[2 * n], charIndex, pen);
  }

  /**
   * A shaped run. {@code x}, {@code y}: where each glyph's origin lies, from the run's origin, in
   * thousandths of an em, y growing downwards; {@code advance}: the run's width; {@code pen}: the
   * pen position on the baseline before each glyph (and after the last), by the glyphs' advances,
   * so the glyphs {@code [from, to)} take up {@code pen[from]} to {@code pen[to]} of the line.
   */
  public record Shaped(
      String text,
      int[] glyphs,
      float[] x,
      float[] y,
      float advance,
      int[] charIndex,
      float[] pen) {

    /**
     * The run cut into clusters: consecutive glyphs that stand for one contiguous stretch of text
     * (a Tamil syllable whose vowel sign is drawn before its consonant is one cluster). When the
     * map is not monotonic the whole run is one cluster, so no character is lost or repeated.
     */
    public List<Cluster> clusters() {
      int n = glyphs.length;
      if (n == 0) {
        return List.of();
      }
      // Each glyph belongs to the grapheme cluster of its character: a syllable's glyphs are never
      // split between two ActualText spans, whatever order they are drawn in.
      BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
      graphemes.setText(text);
      int[] key = new int[n];
      TreeSet<Integer> starts = new TreeSet<>();
      for (int i = 0; i < n; i++) {
        int c = Math.min(Math.max(charIndex[i], 0), text.length() - 1);
        key[i] = graphemes.isBoundary(c) ? c : graphemes.preceding(c);
        starts.add(key[i]);
      }
      List<Cluster> out = new ArrayList<>();
      Set<Integer> seen = new HashSet<>();
      int first = 0;
      for (int i = 1; i <= n; i++) {
        if (i == n || key[i] != key[first]) {
          if (!seen.add(key[first])) {
            return List.of(new Cluster(0, n, text));
          }
          Integer next = starts.higher(key[first]);
          out.add(
              new Cluster(
                  first, i, text.substring(key[first], next == null ? text.length() : next)));
          first = i;
        }
      }
      // Characters before the first cluster (HarfBuzz never drops them): keep them all in one span.
      return starts.first() == 0 ? out : List.of(new Cluster(0, n, text));
    }
  }

  /** Glyphs {@code [from, to)} of a run and the characters they stand for. */
  public record Cluster(int from, int to, String text) {}
}
