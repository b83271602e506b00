package org.noticepublisher.assemble;

import java.util.Locale;
import java.util.Objects;
import org.noticepublisher.NoticeId;

/**
 * How a notice is laid out on paper, and the PDF standards the file meets.
 *
 * @param pageSize the paper
 * @param largePrint body text at least 16 pt, following clear-print guidance
 * @param standard the accessibility and archiving standards of the PDF
 */
public record Layout(PageSize pageSize, boolean largePrint, Standard standard) {
  public static final Layout DEFAULT = new Layout(PageSize.A4, false, Standard.UA1);

  public Layout {
    Objects.requireNonNull(pageSize, "pageSize");
    Objects.requireNonNull(standard, "standard");
  }

  /** The paper and print size as a file of the default standard (PDF/UA-1 + PDF/A-2a). */
  public Layout(PageSize pageSize, boolean largePrint) {
    this(pageSize, largePrint, Standard.UA1);
  }

  public Layout withStandard(Standard s) {
    return new Layout(pageSize, largePrint, s);
  }

  /** The paper and print size, for file names and reports: {@code a4}, {@code a5-large-print}. */
  public String label() {
    return pageSize.name().toLowerCase(Locale.ROOT) + (largePrint ? "-large-print" : "");
  }

  /**
   * What a file name carries after {@code <variant>.<locale>}: nothing for the default A4 PDF/UA-1
   * file, otherwise the paper when it is not plain A4 and the standard when it is not the default,
   * e.g. {@code .a5-large-print}, {@code .ua2}, {@code .a5.ua2}. Files of every layout and standard
   * can so be published side by side.
   */
  public String fileSuffix() {
    String paper = pageSize == PageSize.A4 && !largePrint ? "" : "." + label();
    return paper + (standard == Standard.UA1 ? "" : "." + standard.id());
  }

  /**
   * Where {@code id}'s PDF in this layout is published, relative to the output folder, e.g. {@code
   * standard/en-GB/standard.en-GB.a5.pdf}. Findings about a PDF name this file, published or not.
   */
  public String pdfFile(NoticeId id) {
    return id.variant() + "/" + id.locale() + "/" + id.fileStem() + fileSuffix() + ".pdf";
  }

  /** Where the HTML twin is published: one per paper and print size, shared by every standard. */
  public String htmlFile(NoticeId id) {
    return id.variant()
        + "/"
        + id.locale()
        + "/"
        + id.fileStem()
        + withStandard(Standard.UA1).fileSuffix()
        + ".html";
  }

  /**
   * The standards a PDF is made for and validated against. The two sets exclude each other:
   * PDF/UA-2 and PDF/A-4 are built on PDF 2.0, PDF/A-2 on PDF 1.7.
   */
  public enum Standard {
    /** PDF/UA-1 (ISO 14289-1) + PDF/A-2a on PDF 1.7: known to most validators and readers. */
    UA1("ua1", "PDF/UA-1 + PDF/A-2a"),
    /** PDF/UA-2 (ISO 14289-2:2024) + WTPDF 1.0 accessibility + PDF/A-4 on PDF 2.0. */
    UA2("ua2", "PDF/UA-2 + WTPDF 1.0 accessibility + PDF/A-4");

    private final String id;
    private final String description;

    Standard(String id, String description) {
      this.id = id;
      this.description = description;
    }

    /** The short name used on the command line, in file names and in the manifest. */
    public String id() {
      return id;
    }

    /** The standards by name, for reports. */
    public String description() {
      return description;
    }

    /** Accepts {@code ua1} or {@code ua2} in any case, with or without a hyphen ({@code UA-2}). */
    public static Standard parse(String text) {
      String t = text.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("pdf/", "");
      for (Standard s : values()) {
        if (s.id.equals(t)) {
          return s;
        }
      }
      throw new IllegalArgumentException(
          "standard must be ua1 (PDF/UA-1 + PDF/A-2a, the default) "
              + "or ua2 (PDF/UA-2 + WTPDF + PDF/A-4), was '"
              + text
              + "'");
    }
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
