package org.noticepublisher.assemble;

import java.util.Locale;
import java.util.Objects;

/**
 * How a notice is laid out on paper.
 *
 * @param pageSize the paper
 * @param largePrint body text at least 16 pt, following clear-print guidance
 */
public record Layout(PageSize pageSize, boolean largePrint) {
  public static final Layout DEFAULT = new Layout(PageSize.A4, false);

  public Layout {
    Objects.requireNonNull(pageSize, "pageSize");
  }

  /** A short name for file names and reports: {@code a4}, {@code a5-large-print}. */
  public String label() {
    return pageSize.name().toLowerCase(Locale.ROOT) + (largePrint ? "-large-print" : "");
  }

  /** Paper sizes schools and offices print on. */
  public enum PageSize {
    A4(210, 297),
    A5(148, 210),
    LETTER(215.9, 279.4);

    private final double widthMm;
    private final double heightMm;

    PageSize(double widthMm, double heightMm) {
      this.widthMm = widthMm;
      this.heightMm = heightMm;
    }

    public double widthMm() {
      return widthMm;
    }

    public double heightMm() {
      return heightMm;
    }

    /** Accepts {@code a4}, {@code A5}, {@code letter}, {@code us-letter}. */
    public static PageSize parse(String text) {
      String t = text.strip().toUpperCase(Locale.ROOT).replace("US-", "").replace("US", "");
      try {
        return valueOf(t);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "page size must be A4, A5 or Letter, was '" + text + "'");
      }
    }
  }
}
