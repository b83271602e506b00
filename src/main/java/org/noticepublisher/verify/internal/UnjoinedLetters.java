package org.noticepublisher.verify.internal;

import com.ibm.icu.text.Normalizer2;
import java.util.BitSet;
import org.noticepublisher.render.ArabicPresentationForms;

/**
 * Arabic-script letters drawn in their plain (unjoined) code point although the font's presentation
 * forms have a joined shape for them: what openhtmltopdf's own shaping does to Urdu and Persian
 * letters. Extracted text cannot show this (NFKC folds joined and unjoined letters alike), the
 * drawn glyphs can.
 */
public final class UnjoinedLetters {
  private static final BitSet HAS_FORMS = new BitSet(0x700);

  static {
    Normalizer2 nfkd = Normalizer2.getNFKDInstance();
    ArabicPresentationForms.codePoints()
        .forEach(
            cp -> {
              String d = nfkd.getRawDecomposition(cp);
              if (d != null
                  && d.codePointCount(0, d.length()) == 1
                  && d.codePointAt(0) < 0x700
                  && Character.isLetter(d.codePointAt(0))) {
                HAS_FORMS.set(d.codePointAt(0));
              }
            });
  }

  private UnjoinedLetters() {}

  /** The letters of {@code drawn} that should have been drawn as presentation forms. */
  public static String in(String drawn) {
    StringBuilder out = new StringBuilder();
    drawn.codePoints().filter(cp -> cp < 0x700 && HAS_FORMS.get(cp)).forEach(out::appendCodePoint);
    return out.toString();
  }
}
