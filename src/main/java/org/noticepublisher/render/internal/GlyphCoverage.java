package org.noticepublisher.render.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Which characters the shipped fonts can draw. openhtmltopdf draws an uncovered character as
 * nothing or as {@code #} without a warning, so text is checked against this before it is rendered.
 */
public final class GlyphCoverage {
  private final List<ShippedFont> fonts;

  /**
   * Each font's code points, read the first time a character is looked for in it: fonts are tried
   * in order, so an English notice reads Noto Sans alone, not the 9 MB of Korean fonts (about 100
   * ms of a cold command line's start). Two threads may read the same font at once; both get the
   * same set.
   */
  private final AtomicReferenceArray<BitSet> covered;

  public GlyphCoverage(List<ShippedFont> fonts) {
    this.fonts = List.copyOf(fonts);
    this.covered = new AtomicReferenceArray<>(this.fonts.size());
  }

  private boolean covers(int cp) {
    for (int i = 0; i < fonts.size(); i++) {
      BitSet codes = covered.get(i);
      if (codes == null) {
        codes = codePoints(fonts.get(i));
        covered.set(i, codes);
      }
      if (codes.get(cp)) {
        return true;
      }
    }
    return false;
  }

  private static BitSet codePoints(ShippedFont f) {
    BitSet codes = new BitSet();
    try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(f.bytes()))) {
      // Glyph by glyph: a font has a few thousand glyphs, Unicode a million code points.
      CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
      for (int gid = 1; gid < ttf.getNumberOfGlyphs(); gid++) {
        List<Integer> chars = cmap.getCharCodes(gid);
        if (chars != null) {
          chars.forEach(codes::set);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read shipped font " + f.file(), e);
    }
    return codes;
  }

  /** Code points of {@code text} that no shipped font covers, each once, in order of appearance. */
  public List<Integer> uncovered(String text) {
    List<Integer> missing = new ArrayList<>();
    text.codePoints()
        .forEach(
            cp -> {
              if (!invisible(cp) && !missing.contains(cp) && !covers(cp)) {
                missing.add(cp);
              }
            });
    return missing;
  }

  /** White space and format controls (bidi marks, ZWJ, ZWNJ) need no glyph. */
  private static boolean invisible(int cp) {
    int type = Character.getType(cp);
    return Character.isWhitespace(cp)
        || type == Character.FORMAT
        || type == Character.CONTROL
        || cp == 0xA0;
  }
}
