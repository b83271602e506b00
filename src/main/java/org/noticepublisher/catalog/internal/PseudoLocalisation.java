package org.noticepublisher.catalog.internal;

import com.ibm.icu.text.MessagePattern;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Pseudo-translations made from the source bundle at load time, never edited by hand: every message
 * bracketed, so a string shown without brackets was not translated (hard-coded or missing).
 *
 * <ul>
 *   <li>{@code en-XA}: accented letters and about 40% longer, to find truncation and missing fonts.
 *   <li>{@code ar-XB}: right to left. Each English word is isolated (FSI … PDI), so words run right
 *       to left as in Arabic script while each stays readable, and the layout must mirror
 *       (alignment, bullets, indents, page furniture). Forcing the letters themselves right to
 *       left, as some tools do, would leave the extracted text impossible to read back in logical
 *       order.
 * </ul>
 *
 * Only the literal text of each ICU pattern changes; arguments, plural and select syntax are kept.
 */
public final class PseudoLocalisation {
  public static final String ACCENTED = "en-XA";
  public static final String RIGHT_TO_LEFT = "ar-XB";
  public static final String KEYS = "en-XK";

  /** Every pseudo-locale, in the catalog's order. */
  public static final java.util.List<String> ALL = java.util.List.of(RIGHT_TO_LEFT, ACCENTED, KEYS);

  private static final String PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String ACCENTS = "áƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";
  private static final String[] FILLER = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"
  };
  private static final String FSI = "\u2068";
  private static final String PDI = "\u2069";
  private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[^\\s]+");
  private static final Set<MessagePattern.Part.Type> TEXT_FOLLOWS =
      EnumSet.of(
          MessagePattern.Part.Type.MSG_START,
          MessagePattern.Part.Type.ARG_LIMIT,
          MessagePattern.Part.Type.SKIP_SYNTAX,
          MessagePattern.Part.Type.INSERT_CHAR,
          MessagePattern.Part.Type.REPLACE_NUMBER);

  private PseudoLocalisation() {}

  public static boolean isPseudo(String locale) {
    return ALL.contains(locale);
  }

  /** Every pattern of {@code source} pseudo-translated for {@code locale}. */
  public static Map<String, String> translate(Map<String, String> source, String locale) {
    Map<String, String> out = new LinkedHashMap<>();
    source.forEach(
        (key, pattern) ->
            out.put(
                key,
                key.startsWith("bundle.")
                    ? pattern
                    : locale.equals(ACCENTED)
                        ? accented(pattern)
                        : locale.equals(KEYS) ? "[" + key + "]" : rightToLeft(pattern)));
    out.put("bundle.status", "draft");
    out.put(
        "bundle.language",
        locale.equals(ACCENTED)
            ? "Pseudo (accented)"
            : locale.equals(KEYS) ? "Pseudo (message keys)" : "Pseudo (RTL)");
    return out;
  }

  static String accented(String pattern) {
    StringBuilder text = new StringBuilder();
    String body =
        mapLiteralText(
            pattern,
            range -> {
              text.append(range);
              StringBuilder out = new StringBuilder();
              range.chars().forEach(c -> out.append(c == '\'' ? (char) c : accent((char) c)));
              return out.toString();
            });
    int letters = (int) text.chars().filter(Character::isLetter).count();
    StringBuilder pad = new StringBuilder();
    for (int i = 0; pad.length() < letters * 0.4; i++) {
      pad.append(' ').append(FILLER[i % FILLER.length]);
    }
    return "[" + body + pad + "]";
  }

  static String rightToLeft(String pattern) {
    return "["
        + mapLiteralText(
            pattern,
            range ->
                WORD.matcher(range)
                    .replaceAll(
                        m -> java.util.regex.Matcher.quoteReplacement(FSI + m.group() + PDI)))
        + "]";
  }

  private static char accent(char c) {
    int i = PLAIN.indexOf(c);
    return i < 0 ? c : ACCENTS.charAt(i);
  }

  /**
   * Applies {@code map} to each run of the pattern that is literal message text (outside arguments;
   * inside plural and select sub-messages too). Literal text is what follows the start of a
   * message, the end of an argument or a skipped quote, up to the next part: ICU's own parse says
   * where, so syntax is never touched.
   */
  private static String mapLiteralText(String pattern, UnaryOperator<String> map) {
    MessagePattern parsed =
        new MessagePattern(MessagePattern.ApostropheMode.DOUBLE_OPTIONAL).parse(pattern);
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 0; i + 1 < parsed.countParts(); i++) {
      MessagePattern.Part part = parsed.getPart(i);
      int from = part.getLimit();
      int to = parsed.getPart(i + 1).getIndex();
      if (TEXT_FOLLOWS.contains(part.getType()) && to > from) {
        out.append(pattern, copied, from).append(map.apply(pattern.substring(from, to)));
        copied = to;
      }
    }
    return out.append(pattern.substring(copied)).toString();
  }
}
