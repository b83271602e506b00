package org.noticepublisher.verify.internal;

import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.noticepublisher.render.ArabicPresentationForms;

/**
 * Checks that right-to-left text was drawn as the bidi algorithm lays it out. The expected message
 * (logical order) is split into lines the way the drawn lines suggest; each line is reordered with
 * ICU at right-to-left paragraph level, as the renderer does, and must equal the line as drawn.
 * Undoing the reordering of extracted text instead would be a guess; this is exact: word order,
 * numbers, brackets and embedded English all have to be where a reader expects them.
 *
 * <p>White space is left out of the comparison: openhtmltopdf keeps a line's trailing space inside
 * the run before it (bidi rule L1 would move it to the line's end), which moves nothing a reader
 * sees.
 */
public final class VisualLines {
  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * Bidi controls, and ZWNJ/ZWJ: ICU drops both when it reorders; their effect is in the shapes.
   */
  private static final Pattern CONTROLS =
      Pattern.compile("[\u061C\u200C-\u200F\u202A-\u202E\u2066-\u2069]");

  private static final Pattern BULLETS = Pattern.compile("^[•◦▪■●◆]\\s*|\\s*[•◦▪■●◆]$");

  private final List<String> lines = new ArrayList<>();
  private final List<Integer> letters = new ArrayList<>();

  /** {@code drawn}: the page lines as drawn, left to right. */
  public VisualLines(List<String> drawn) {
    for (String line : drawn) {
      String n = normaliseDrawn(BULLETS.matcher(line.strip()).replaceAll(""));
      lines.add(n);
      letters.add(countLetters(n, 0, n.length()));
    }
  }

  /**
   * Whether {@code message} appears as consecutive drawn lines, laid out right to left or, for a
   * block the document sets left to right (an English note), left to right.
   */
  public boolean contains(String message) {
    String logical = SPACES.matcher(message).replaceAll(" ").strip();
    if (countLetters(logical, 0, logical.length()) == 0) {
      return true;
    }
    return contains(logical, Bidi.RTL) || contains(logical, Bidi.LTR);
  }

  private boolean contains(String logical, byte direction) {
    Bidi paragraph = new Bidi();
    paragraph.setPara(logical, direction, null);
    int[] prefix = new int[logical.length() + 1];
    for (int i = 0; i < logical.length(); i++) {
      prefix[i + 1] = prefix[i] + (isLetter(logical.charAt(i)) ? 1 : 0);
    }
    for (int first = 0; first < lines.size(); first++) {
      if (matchesFrom(paragraph, logical, prefix, first)) {
        return true;
      }
    }
    return false;
  }

  private boolean matchesFrom(Bidi paragraph, String logical, int[] prefix, int first) {
    int start = 0;
    for (int i = first; i < lines.size(); i++) {
      int end = endOfLine(paragraph, logical, prefix, start, i);
      if (end < 0) {
        return false;
      }
      start = end;
      if (prefix[start] == prefix[logical.length()]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where drawn line {@code i} ends in the logical text, or -1. Candidates are the ends that give
   * the line as many letters and digits as were drawn; a break may fall anywhere the renderer
   * chose.
   */
  private int endOfLine(Bidi paragraph, String logical, int[] prefix, int start, int i) {
    int want = prefix[start] + letters.get(i);
    for (int end = start + 1; end <= logical.length(); end++) {
      if (prefix[end] > want) {
        return -1;
      }
      if (prefix[end] == want && visual(paragraph, start, end).equals(lines.get(i))) {
        return end;
      }
    }
    return -1;
  }

  private static String visual(Bidi paragraph, int start, int end) {
    try {
      String v =
          paragraph
              .setLine(start, end)
              .writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
      return normalise(v);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /**
   * A drawn line as comparable text. A presentation-form ligature (lam-alef) decomposes into its
   * letters in logical order, but it was drawn within reversed text: its letters are put back in
   * drawn order. NFKC then runs over the whole line, so stacked marks get their canonical order.
   */
  static String normaliseDrawn(String line) {
    StringBuilder out = new StringBuilder();
    line.codePoints()
        .forEach(
            cp -> {
              String d =
                  ArabicPresentationForms.contains(cp)
                      ? NFKC.normalize(new String(Character.toChars(cp)))
                      : null;
              if (d != null && d.codePointCount(0, d.length()) > 1) {
                out.append(new StringBuilder(d).reverse());
              } else {
                out.appendCodePoint(cp);
              }
            });
    return normalise(out.toString());
  }

  private static String normalise(String s) {
    return SPACES.matcher(NFKC.normalize(CONTROLS.matcher(s).replaceAll(""))).replaceAll("");
  }

  private static boolean isLetter(char c) {
    return Character.isLetterOrDigit(c);
  }

  private static int countLetters(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n += isLetter(s.charAt(i)) ? 1 : 0;
    }
    return n;
  }
}
