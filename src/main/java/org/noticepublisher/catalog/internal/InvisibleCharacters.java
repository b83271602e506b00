package org.noticepublisher.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Invisible characters in text a translator writes. Allowed: the bidi isolates (U+2066–U+2069) and
 * marks (LRM, RLM, ALM), which only affect the text they enclose or stand next to, and ZWNJ/ZWJ,
 * which Persian and Urdu spelling needs. Everything else invisible is refused: embeddings and
 * overrides (U+202A–U+202E) reorder the text after them until a PDF the reader cannot see, which
 * can make a sentence read differently from how it is stored; other format and control characters
 * draw nothing, break search and copy, and are never needed in a notice.
 */
public final class InvisibleCharacters {
  private InvisibleCharacters() {}

  /** One refused character: where it is (a char index) and what it is called. */
  public record Refused(int index, int codePoint) {
    /** "U+202E RIGHT-TO-LEFT OVERRIDE". */
    public String describe() {
      String name = Character.getName(codePoint);
      return String.format(Locale.ROOT, "U+%04X %s", codePoint, name == null ? "" : name);
    }

    /** What to write instead. */
    public String fix() {
      if (codePoint >= 0x202A && codePoint <= 0x202E) {
        return "delete it; to keep a run of text in one direction, enclose it in an isolate: "
            + "U+2066 LEFT-TO-RIGHT ISOLATE (or U+2067 RIGHT-TO-LEFT ISOLATE) … U+2069 POP "
            + "DIRECTIONAL ISOLATE, or use a mark (U+200E, U+200F, U+061C)";
      }
      return "delete it (an invisible character draws nothing and breaks search and copy)";
    }
  }

  /** Each refused character of {@code text}, in order. */
  public static List<Refused> in(String text) {
    List<Refused> refused = new ArrayList<>();
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      int cp = text.codePointAt(i);
      if (refused(cp)) {
        refused.add(new Refused(i, cp));
      }
    }
    return refused;
  }

  static boolean refused(int cp) {
    if (cp == '\t'
        || cp == '\n'
        || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0x200E
        || cp == 0x200F
        || cp == 0x061C
        || cp == 0x200C
        || cp == 0x200D) {
      return false;
    }
    int type = Character.getType(cp);
    // Private use too: the project's own slot marks (Messages) are private-use characters.
    return type == Character.FORMAT
        || type == Character.CONTROL
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE;
  }
}
