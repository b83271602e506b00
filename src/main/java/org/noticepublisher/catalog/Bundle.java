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
      int depth = nesting(e.getValue());
      if (depth > MAX_NESTING) {
        problems.add(
            Finding.error(
                    e.getKey(),
                    String.format(
                        Locale.ROOT,
                        "not a valid ICU message: its { } braces nest %,d deep, more than the %d"
                            + " allowed",
                        depth,
                        MAX_NESTING))
                .at(file.toString(), props.lineOf(e.getKey()))
                .withFix("close each { with its }; the shipped messages nest two deep at most"));
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
   * How deep a message's braces may nest ({@code {n, plural, one {{x, select, …}}}}). ICU parses
   * each nested argument by calling itself: a few thousand levels, in a bundle a translator uploads
   * or imports, exhaust the thread's stack and end the check with a StackOverflowError instead of a
   * finding. The shipped messages nest two deep at most.
   */
  public static final int MAX_NESTING = 20;

  /**
   * The deepest nesting of unquoted braces in {@code pattern}, counted without recursing. Quoting
   * follows ICU's default apostrophe mode: {@code '{} or {@code '}} starts quoted text, which ends
   * at the next lone apostrophe; {@code ''} is an apostrophe. An apostrophe before {@code #} or
   * {@code |} quotes only inside a plural or choice argument; counted as unquoted here, its braces
   * can only make the depth larger than ICU's, never smaller.
   */
  static int nesting(String pattern) {
    int depth = 0;
    int deepest = 0;
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      char next = i + 1 < pattern.length() ? pattern.charAt(i + 1) : 0;
      if (c == '\'') {
        if (next == '\'') {
          i++; // an apostrophe, quoted or not
        } else if (quoted) {
          quoted = false;
        } else if (next == '{' || next == '}') {
          quoted = true;
        }
      } else if (quoted) {
        continue;
      } else if (c == '{') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == '}' && depth > 0) {
        depth--;
      }
    }
    return deepest;
  }

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
