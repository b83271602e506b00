package org.noticepublisher.render.internal;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.noticepublisher.render.ArabicPresentationForms;

/**
 * Contextual shaping of Arabic-script text into presentation-form characters.
 *
 * <p>openhtmltopdf draws glyphs straight from the font's cmap without OpenType GSUB, so joined
 * letters must already be presentation forms in the text. ICU's {@code ArabicShaping} only knows
 * Presentation Forms-B, which leaves Urdu and Persian letters (keheh, gaf, farsi yeh, heh goal, yeh
 * barree, tteh, ...) unjoined. Here the form tables come from the Unicode character database that
 * ships with ICU, so every letter with a Forms-A or Forms-B encoding is covered.
 */
public final class ArabicScriptShaper {

  private static final int ISOLATED = 0, FINAL = 1, INITIAL = 2, MEDIAL = 3;
  private static final int LAM = 0x0644;

  private static final Normalizer2 NFKD = Normalizer2.getNFKDInstance();

  /** (letter, form) key to presentation code point. */
  private static final Map<Integer, Integer> FORMS;

  /** (alef, form) key to the lam-alef ligature; the lam is implied. */
  private static final Map<Integer, Integer> LAM_ALEF;

  /** Letters with at least one presentation form; everything else passes through untouched. */
  private static final Set<Integer> LETTERS;

  static {
    Map<Integer, Integer> forms = new HashMap<>(), lamAlef = new HashMap<>();
    for (int cp : ArabicPresentationForms.codePoints().toArray()) {
      int form = formOf(cp);
      String decomposition = NFKD.getRawDecomposition(cp);
      if (form < 0 || decomposition == null) {
        continue;
      }
      int[] parts = decomposition.codePoints().toArray();
      if (parts.length == 1) {
        forms.putIfAbsent(key(parts[0], form), cp);
      } else if (parts.length == 2
          && parts[0] == LAM
          && UCharacter.getIntPropertyValue(parts[1], UProperty.JOINING_GROUP)
              == UCharacter.JoiningGroup.ALEF) {
        // Only lam-alef is obligatory; other ligatures (lam-meem, ...) are optional typography.
        lamAlef.putIfAbsent(key(parts[1], form), cp);
      }
    }
    FORMS = Map.copyOf(forms);
    LAM_ALEF = Map.copyOf(lamAlef);
    LETTERS = forms.keySet().stream().map(k -> k >> 2).collect(Collectors.toUnmodifiableSet());
  }

  private ArabicScriptShaper() {}

  /**
   * Replaces Arabic-script letters by their contextual presentation forms, keeping logical order.
   */
  public static String shape(String logicalText) {
    int[] cps = logicalText.codePoints().toArray();
    StringBuilder out = new StringBuilder(logicalText.length());
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (!LETTERS.contains(c)) {
        out.appendCodePoint(c);
        continue;
      }
      int prev = neighbour(cps, i, -1);
      boolean fromPrevious = prev >= 0 && joins(prev, true) && joins(c, false);
      Integer ligature =
          c == LAM && i + 1 < cps.length
              ? LAM_ALEF.get(key(cps[i + 1], fromPrevious ? FINAL : ISOLATED))
              : null;
      if (ligature != null) {
        out.appendCodePoint(ligature);
        i++;
        continue;
      }
      int next = neighbour(cps, i, +1);
      boolean toNext = next >= 0 && joins(c, true) && joins(next, false);
      int form = fromPrevious ? (toNext ? MEDIAL : FINAL) : (toNext ? INITIAL : ISOLATED);
      out.appendCodePoint(presentation(c, form));
    }
    return out.toString();
  }

  /**
   * Undoes {@link #shape}: presentation forms (Forms-A and -B) back to the letters they stand for,
   * for fonts that shape by OpenType tables instead (Nastaliq). {@code visualOrder}: the text is a
   * right-to-left run as openhtmltopdf draws it, reversed.
   */
  public static String unshape(String text, boolean visualOrder) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              String letters = formOf(cp) >= 0 ? NFKD.getRawDecomposition(cp) : null;
              if (letters != null && visualOrder) {
                // A ligature (lam-alef) decomposes in logical order; in reversed text it goes last
                // first.
                letters = new StringBuilder(letters).reverse().toString();
              }
              out.append(letters != null ? letters : Character.toString(cp));
            });
    return out.toString();
  }

  /** An openhtmltopdf reorderer that keeps ICU's bidi reordering but shapes with {@link #shape}. */
  public static BidiReorderer reorderer() {
    return new Reorderer();
  }

  private static final class Reorderer implements BidiReorderer {
    private final ICUBidiReorderer icu = new ICUBidiReorderer();

    @Override
    public String reorderRTLTextToLTR(String text) {
      return icu.reorderRTLTextToLTR(text);
    }

    @Override
    public String shapeText(String text) {
      return shape(text);
    }

    @Override
    public boolean isLiveImplementation() {
      return icu.isLiveImplementation();
    }

    /** Called when the font lacks a shaped glyph; ICU alone cannot undo Forms-A characters. */
    @Override
    public String deshapeText(String text) {
      StringBuilder out = new StringBuilder(text.length());
      text.codePoints()
          .forEach(
              cp -> {
                String letters = formOf(cp) >= 0 ? NFKD.getRawDecomposition(cp) : null;
                out.append(letters != null ? letters : Character.toString(cp));
              });
      return icu.deshapeText(out.toString());
    }
  }

  /**
   * Whether c connects towards the next (or previous) letter. A nominally joining letter that has
   * no presentation form for that side is drawn unjoined, so its neighbours must not reach for it.
   */
  private static boolean joins(int c, boolean towardsNext) {
    int type = UCharacter.getIntPropertyValue(c, UProperty.JOINING_TYPE);
    int oneSided =
        towardsNext ? UCharacter.JoiningType.LEFT_JOINING : UCharacter.JoiningType.RIGHT_JOINING;
    return type == UCharacter.JoiningType.JOIN_CAUSING
        || (type == UCharacter.JoiningType.DUAL_JOINING || type == oneSided)
            && (FORMS.containsKey(key(c, towardsNext ? INITIAL : FINAL))
                || FORMS.containsKey(key(c, MEDIAL)));
  }

  /** Harakat and other transparent marks sit between letters without interrupting the join. */
  private static int neighbour(int[] cps, int from, int step) {
    for (int j = from + step; j >= 0 && j < cps.length; j += step) {
      if (UCharacter.getIntPropertyValue(cps[j], UProperty.JOINING_TYPE)
          != UCharacter.JoiningType.TRANSPARENT) {
        return cps[j];
      }
    }
    return -1;
  }

  private static int presentation(int letter, int form) {
    // A medial form keeps at least the join to the previous letter when it falls back to final.
    for (int candidate : new int[] {form, form == MEDIAL ? FINAL : form, ISOLATED}) {
      Integer cp = FORMS.get(key(letter, candidate));
      if (cp != null) {
        return cp;
      }
    }
    return letter;
  }

  /** Which contextual form a presentation character is, or -1 for anything else. */
  private static int formOf(int cp) {
    return !ArabicPresentationForms.contains(cp)
        ? -1
        : switch (UCharacter.getIntPropertyValue(cp, UProperty.DECOMPOSITION_TYPE)) {
          case UCharacter.DecompositionType.ISOLATED -> ISOLATED;
          case UCharacter.DecompositionType.FINAL -> FINAL;
          case UCharacter.DecompositionType.INITIAL -> INITIAL;
          case UCharacter.DecompositionType.MEDIAL -> MEDIAL;
          default -> -1;
        };
  }

  private static int key(int letter, int form) {
    return letter << 2 | form;
  }
}
