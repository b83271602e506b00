package org.noticepublisher.assemble;

import java.util.Locale;
import java.util.Map;
import org.noticepublisher.catalog.Messages;

/**
 * The {@code @page} rules of a notice: paper size, the running footer (title, in the centre) and the
 * page number in the outer corner.
 *
 * <p>The page number is margin-box text, which openhtmltopdf neither shapes nor reorders: right for
 * Latin, Cyrillic and Hangul, but it would garble Arabic script, so right-to-left notices number their
 * pages with digits alone ("3 / 6"). Bundle text is written as CSS escapes, so it cannot end the string
 * or the style element it sits in.
 */
final class PageStyle {
  private static final String FONT = "font-family: \"Noto Sans\", \"Noto Naskh Arabic\", "
      + "\"NanumGothic\"; font-size: 8.5pt; color: #4a4a4a;";

  private PageStyle() {}

  static String css(Layout layout, boolean rtl, Messages messages) {
    StringBuilder page = new StringBuilder();
    if (rtl) {
      page.append("counter(page) \" / \" counter(pages)");
    } else {
      for (Messages.Segment s : messages.segments("document.page", Map.of(), "page", "pages")) {
        page.append(s.isSlot() ? " counter(" + s.slot() + ") " : cssString(s.text()));
      }
    }
    return String.format(Locale.ROOT,
        "@page { size: %.1fmm %.1fmm; @bottom-center { content: element(footer); } "
            + "@bottom-%s { content: %s; %s } }%n",
        layout.pageSize().widthMm(), layout.pageSize().heightMm(), rtl ? "left" : "right",
        page.toString().strip(), FONT);
  }

  /**
   * A CSS string literal in which everything but ASCII letters, digits and spaces is escaped. Each
   * escape ends with the one space CSS consumes after it, so a following space survives.
   */
  static String cssString(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints().forEach(cp -> {
      if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
          || cp == ' ') {
        out.appendCodePoint(cp);
      } else {
        out.append(String.format(Locale.ROOT, "\\%06X ", cp));
      }
    });
    return out.append('"').toString();
  }
}
