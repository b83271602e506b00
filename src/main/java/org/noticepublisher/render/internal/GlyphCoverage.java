package org.noticepublisher.render.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Which characters the shipped fonts can draw. openhtmltopdf draws an uncovered character as
 * nothing or as {@code #} without a warning, so text is checked against this before it is rendered.
 */
public final class GlyphCoverage {
  private final BitSet covered = new BitSet(0x110000);

  public GlyphCoverage(List<ShippedFont> fonts) {
    for (ShippedFont f : fonts) {
      try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(f.bytes()))) {
        // Glyph by glyph: a font has a few thousand glyphs, Unicode a million code points.
        CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
        for (int gid = 1; gid < ttf.getNumberOfGlyphs(); gid++) {
          List<Integer> codes = cmap.getCharCodes(gid);
          if (codes != null) {
            codes.forEach(covered::set);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read shipped font " + f.file(), e);
      }
    }
  }

  /** Code points of {@code text} that no shipped font covers, each once, in order of appearance. */
  public List<Integer> uncovered(String text) {
    List<Integer> missing = new ArrayList<>();
    text.codePoints()
        .forEach(
            cp -> {
              if (!covered.get(cp) && !invisible(cp) && !missing.contains(cp)) {
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
