package org.noticepublisher.assemble;

import java.util.Locale;
import java.util.Map;
import org.noticepublisher.catalog.Messages;

/**
 * The {@code @page} rules of a notice: paper size, the running footer (title, in the centre) and
 * the page number in the outer corner. Narrow paper (A5) has room for the page number alone,
 * centred.
 *
 * <p>The page number is margin-box text, which openhtmltopdf neither shapes nor reorders: right for
 * Latin, Cyrillic and Hangul, but it would garble Arabic script, so right-to-left notices number
 * their pages with digits alone ("3 / 6"). Bundle text is written as CSS escapes, so it cannot end
 * the string or the style element it sits in.
 */
final class PageStyle {
  /** A title that wraps to two lines grows down from the text, not into the paper's edge. */
  private static final String TOP = "vertical-align: top; padding-top: 5mm;";

  private static final String FONT =
      "font-family: \"Noto Sans\", \"Noto Naskh Arabic\", "
          + "\"NanumGothic\"%s; font-size: 8.5pt; color: #4a4a4a;";

  /**
   * Scripts whose font only their own notices load (each font listed is loaded into every PDF that
   * names it): the page number of a Tamil notice is Tamil text.
   */
  private static final Map<String, String> SCRIPT_FONTS =
      Map.of(
          "ta",
          "Noto Sans Tamil",
          "bn",
          "Noto Sans Bengali",
          "gu",
          "Noto Sans Gujarati",
          "pa",
          "Noto Sans Gurmukhi");

  /** The left and right page margins of notice.css together. */
  private static final double SIDE_MARGINS_MM = 36;

  /**
   * Room kept on each side of the footer's title, so that the page number ("Сторінка 12 з 14") fits
   * on one line: openhtmltopdf ignores nowrap in margin boxes and otherwise squeezes it.
   */
  private static final double PAGE_NUMBER_MM = 34;

  /** Below this paper width a title column would be too narrow to read. */
  private static final double NARROW_MM = 180;

  private PageStyle() {}

  static String css(Layout layout, boolean rtl, Messages messages) {
    String script = SCRIPT_FONTS.get(Locale.forLanguageTag(messages.locale()).getLanguage());
    String font = String.format(Locale.ROOT, FONT, script == null ? "" : ", \"" + script + "\"");
    StringBuilder page = new StringBuilder();
    if (rtl) {
      page.append("counter(page) \" / \" counter(pages)");
    } else {
      for (Messages.Segment s : messages.segments("document.page", Map.of(), "page", "pages")) {
        page.append(s.isSlot() ? " counter(" + s.slot() + ") " : cssString(s.text()));
      }
    }
    double width = layout.pageSize().widthMm();
    if (width < NARROW_MM) {
      return String.format(
          Locale.ROOT,
          "@page { size: %.1fmm %.1fmm; @bottom-center { content: %s; %s %s } }%n",
          width,
          layout.pageSize().heightMm(),
          page.toString().strip(),
          font,
          TOP);
    }
    return String.format(
        Locale.ROOT,
        "@page { size: %.1fmm %.1fmm; @bottom-center { content: element(footer); %s } "
            + "@bottom-%s { content: %s; %s %s } }%n.running-footer { width: %.1fmm; }%n",
        width,
        layout.pageSize().heightMm(),
        TOP,
        rtl ? "left" : "right",
        page.toString().strip(),
        font,
        TOP,
        width - SIDE_MARGINS_MM - 2 * PAGE_NUMBER_MM);
  }

  /**
   * A CSS string literal in which everything but ASCII letters, digits and spaces is escaped. Each
   * escape ends with the one space CSS consumes after it, so a following space survives.
   */
  static String cssString(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints()
        .forEach(
            cp -> {
              if ((cp >= 'a' && cp <= 'z')
                  || (cp >= 'A' && cp <= 'Z')
                  || (cp >= '0' && cp <= '9')
                  || cp == ' ') {
                out.appendCodePoint(cp);
              } else {
                out.append(String.format(Locale.ROOT, "\\%06X ", cp));
              }
            });
    return out.append('"').toString();
  }
}
