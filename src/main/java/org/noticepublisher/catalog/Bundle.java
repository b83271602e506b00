package org.noticepublisher.catalog;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.catalog.internal.PseudoLocalisation;

/**
 * The messages of one locale, read from {@code locales/<tag>.properties}: each value an ICU
 * MessageFormat pattern, checked to parse when the bundle is loaded.
 */
public final class Bundle {
  /** Keys that describe the bundle itself rather than text of a notice. */
  public static final String STATUS_KEY = "bundle.status";

  private final String locale;
  private final PropertiesFile file;
  private final boolean generated;

  private Bundle(String locale, PropertiesFile file, boolean generated) {
    this.locale = locale;
    this.file = file;
    this.generated = generated;
  }

  /** A pseudo-locale made from {@code source}; its lines are the source's. */
  static Bundle pseudo(String locale, Bundle source) {
    return new Bundle(
        locale,
        new PropertiesFile(
            source.file(),
            PseudoLocalisation.translate(source.file.values(), locale),
            source.file.lines()),
        true);
  }

  /** Whether the bundle was generated (a pseudo-locale) rather than read from its own file. */
  public boolean generated() {
    return generated;
  }

  public static Bundle load(Path file) throws FindingsException {
    String name = file.getFileName().toString();
    String tag = name.endsWith(".properties") ? name.substring(0, name.length() - 11) : name;
    ULocale locale = ULocale.forLanguageTag(tag);
    if (locale.getLanguage().isEmpty() || !locale.toLanguageTag().equalsIgnoreCase(tag)) {
      throw new FindingsException(
          Finding.error("locale", "file name is not a BCP 47 language tag: " + tag)
              .at(file.toString(), 0)
              .withFix("name the bundle after its locale, e.g. pl.properties or pt-BR.properties"));
    }
    PropertiesFile props = PropertiesFile.load(file);
    List<Finding> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : props.values().entrySet()) {
      long braces = e.getValue().chars().filter(c -> c == '{').count();
      if (braces > MAX_BRACES) {
        problems.add(
            Finding.error(
                    e.getKey(),
                    String.format(
                        Locale.ROOT,
                        "not a valid ICU message: it has %,d { braces, more than the %d a message"
                            + " may have",
                        braces,
                        MAX_BRACES))
                .at(file.toString(), props.lineOf(e.getKey()))
                .withFix(
                    "close each { with its } and split long messages; the shipped ones have 7"
                        + " braces at most"));
        continue;
      }
      try {
        new MessageFormat(e.getValue(), locale);
      } catch (IllegalArgumentException ex) {
        problems.add(
            Finding.error(e.getKey(), "not a valid ICU message: " + ex.getMessage())
                .at(file.toString(), props.lineOf(e.getKey()))
                .withFix("balance the { } braces; write a literal apostrophe as ’ or ''"));
      }
    }
    if (!problems.isEmpty()) {
      throw new FindingsException(problems);
    }
    return new Bundle(tag, props, false);
  }

  /**
   * How many {@code {} a message may have. ICU parses an argument inside another by calling itself,
   * so a few thousand nested braces, in a bundle a translator uploads or imports, exhausted the
   * thread's stack: a StackOverflowError instead of a finding. Counting every brace, quoted or not,
   * bounds that depth whatever the quoting; the shipped messages have 7 at most.
   */
  public static final int MAX_BRACES = 50;

  public String locale() {
    return locale;
  }

  public Path file() {
    return file.file();
  }

  public Optional<String> pattern(String key) {
    return Optional.ofNullable(file.values().get(key));
  }

  /** Every key in file order. */
  public java.util.Set<String> keys() {
    return file.values().keySet();
  }

  public int lineOf(String key) {
    return file.lineOf(key);
  }

  /** {@code draft} unless the bundle says it was reviewed: an unreviewed translation is a draft. */
  public ReviewStatus status() {
    return "reviewed".equalsIgnoreCase(file.values().getOrDefault(STATUS_KEY, ""))
        ? ReviewStatus.REVIEWED
        : ReviewStatus.DRAFT;
  }

  /** Whether a translation has been checked by a reviewer. */
  public enum ReviewStatus {
    DRAFT,
    REVIEWED
  }
}
