package org.noticepublisher.render;

import java.util.stream.IntStream;

/**
 * Arabic Presentation Forms-A (U+FB50–FDFF) and -B (U+FE70–FEFF): the joined and ligature shapes
 * the renderer draws Arabic-script text with, and the code points checks read back. U+FE00–FE6F,
 * between the two, belong to other blocks (variation selectors, CJK forms).
 */
public final class ArabicPresentationForms {
  private ArabicPresentationForms() {}

  /** Whether {@code codePoint} is in Forms-A or Forms-B. */
  public static boolean contains(int codePoint) {
    return codePoint >= 0xFB50 && codePoint <= 0xFDFF || codePoint >= 0xFE70 && codePoint <= 0xFEFF;
  }

  /** Every code point of both blocks, in order. */
  public static IntStream codePoints() {
    return IntStream.rangeClosed(0xFB50, 0xFEFF).filter(ArabicPresentationForms::contains);
  }
}
