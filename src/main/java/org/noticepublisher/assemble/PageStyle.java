package org.noticepublisher.assemble;

import java.util.Locale;
import java.util.Map;
import org.noticepublisher.catalog.Messages;

/**
 * The {@code @page} rules of a notice: paper size and the running footer "… page X of Y", whose words
 * come from the bundle. Bundle text is written as CSS escapes, so it cannot end the string or the
 * style element it sits in.
 */
final class PageStyle {
  /** The same families as the body in notice.css; the footer does not inherit them. */
  static final String FONT_FAMILIES = "\"Noto Sans\", \"Noto Naskh Arabic\", \"NanumGothic\"";

  private PageStyle() {}

  static String css(Layout layout, boolean rtl, Messages messages, String title) {
    StringBuilder footer = new StringBuilder();
    for (Messages.Segment s : messages.segments(
        "document.footer", Map.of("title", title), "page", "pages")) {
      footer.append(s.isSlot() ? " counter(" + s.slot() + ") " : cssString(s.text()));
    }
    return String.format(
        Locale.ROOT,
        "@page { size: %.1fmm %.1fmm; @bottom-%s { content: %s; font-family: %s; font-size: 8.5pt; "
            + "color: #4a4a4a; } }%n",
        layout.pageSize().widthMm(),
        layout.pageSize().heightMm(),
        "center",
        footer.toString().strip(),
        FONT_FAMILIES);
  }

  /**
   * A CSS string literal in which everything but ASCII letters, digits and spaces is escaped. Each
   * escape ends with the one space CSS consumes after it, so a following space survives.
   */
  static String cssString(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints().forEach(cp -> {
      if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == ' ') {
        out.appendCodePoint(cp);
      } else {
        out.append(String.format(Locale.ROOT, "\\%06X ", cp));
      }
    });
    return out.append('"').toString();
  }
}
