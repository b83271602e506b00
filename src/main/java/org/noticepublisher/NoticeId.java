package org.noticepublisher;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names one publication, a variant in a locale, everywhere: output paths, manifest, URLs.
 *
 * @param variant variant id, e.g. {@code standard}
 * @param locale BCP 47 language tag, e.g. {@code en-GB}
 */
public record NoticeId(String variant, String locale) {
  private static final Pattern VARIANT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

  public NoticeId {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(locale, "locale");
    if (!VARIANT.matcher(variant).matches()) {
      throw new IllegalArgumentException(
          "variant must be lower-case words joined by '-': " + variant);
    }
    if (!LOCALE.matcher(locale).matches()) {
      throw new IllegalArgumentException("locale must be a BCP 47 tag such as en-GB: " + locale);
    }
  }

  /** The file name stem shared by the PDF and the HTML twin, e.g. {@code standard.en-GB}. */
  public String fileStem() {
    return variant + "." + locale;
  }

  @Override
  public String toString() {
    return variant + "/" + locale;
  }
}
