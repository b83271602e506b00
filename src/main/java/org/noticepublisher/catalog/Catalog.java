package org.noticepublisher.catalog;

import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.catalog.internal.PseudoLocalisation;

/** All bundles under {@code locales/}, one per locale; a new locale is a new file. */
public final class Catalog {
  /**
   * The locale every other bundle is translated from, and the last step of every fallback chain.
   */
  public static final String SOURCE_LOCALE = "en-GB";

  /** The generated pseudo-locale with accented, longer text. */
  public static final String PSEUDO_ACCENTED = PseudoLocalisation.ACCENTED;

  /** The generated right-to-left pseudo-locale. */
  public static final String PSEUDO_RIGHT_TO_LEFT = PseudoLocalisation.RIGHT_TO_LEFT;

  /** The pseudo-locale that shows every message as its key, so translators see which sits where. */
  public static final String PSEUDO_KEYS = PseudoLocalisation.KEYS;

  private final Path directory;
  private final Map<String, Bundle> bundles;
  private final Map<String, SourceBasis> bases;

  private Catalog(Path directory, Map<String, Bundle> bundles, Map<String, SourceBasis> bases) {
    this.directory = directory;
    this.bundles = bundles;
    this.bases = bases;
  }

  /** Loads every {@code *.properties} bundle; problems in any of them are reported together. */
  public static Catalog load(Path directory) throws FindingsException {
    Objects.requireNonNull(directory, "directory");
    if (!Files.isDirectory(directory)) {
      throw new FindingsException(
          Finding.error("locales", "no locales directory")
              .at(directory.toString(), 0)
              .withFix("run from the project folder, or pass --project"));
    }
    Map<String, Bundle> bundles = new TreeMap<>();
    List<Finding> problems = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(Catalog::isBundleFile).sorted().toList()) {
        try {
          Bundle bundle = Bundle.load(file);
          bundles.put(bundle.locale(), bundle);
        } catch (FindingsException e) {
          problems.addAll(e.findings());
        }
      }
    } catch (IOException e) {
      throw new FindingsException(
          Finding.error("io", "cannot list bundles: " + e.getMessage())
              .at(directory.toString(), 0));
    }
    for (String pseudo : PseudoLocalisation.ALL) {
      if (bundles.containsKey(pseudo)) {
        problems.add(
            Finding.error(
                    "locales",
                    "pseudo-locale "
                        + pseudo
                        + " is generated from "
                        + SOURCE_LOCALE
                        + " and must not be written by hand")
                .at(bundles.get(pseudo).file().toString(), 0)
                .withFix("delete the file"));
      }
    }
    if (!bundles.containsKey(SOURCE_LOCALE)) {
      problems.add(
          Finding.error("locales", "the source bundle " + SOURCE_LOCALE + ".properties is missing")
              .at(directory.toString(), 0));
    }
    if (!problems.isEmpty()) {
      throw new FindingsException(problems);
    }
    Map<String, SourceBasis> bases = new TreeMap<>();
    for (Bundle b : bundles.values()) {
      if (!b.locale().equals(SOURCE_LOCALE)) {
        try {
          bases.put(b.locale(), SourceBasis.load(b));
        } catch (FindingsException e) {
          problems.addAll(e.findings());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new FindingsException(problems);
    }
    // Present: a catalog without the source bundle was refused above.
    Bundle source = Objects.requireNonNull(bundles.get(SOURCE_LOCALE), SOURCE_LOCALE);
    for (String pseudo : PseudoLocalisation.ALL) {
      bundles.put(pseudo, Bundle.pseudo(pseudo, source));
    }
    return new Catalog(directory, bundles, bases);
  }

  /**
   * A bundle is {@code <tag>.properties}; {@code <tag>.basis.properties} is its basis, not a
   * locale.
   */
  static boolean isBundleFile(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".properties") && !name.endsWith(SourceBasis.SUFFIX);
  }

  /** The English a translated bundle was made from; empty for the source and pseudo-locales. */
  public Optional<SourceBasis> basis(String locale) {
    return Optional.ofNullable(bases.get(locale));
  }

  /** Keys of {@code locale}'s own bundle whose English changed since they were translated. */
  public Map<String, SourceBasis.Change> stale(String locale) {
    SourceBasis basis = bases.get(locale);
    return basis == null ? Map.of() : basis.stale(bundle(locale).orElseThrow(), source());
  }

  /** Whether {@code locale} is English (en, en-GB, … and the en-XA pseudo-locale). */
  public static boolean isEnglish(String locale) {
    return locale.equals("en") || locale.startsWith("en-");
  }

  /** Whether {@code locale} is one of the generated pseudo-locales (en-XA, ar-XB, en-XK). */
  public static boolean isPseudoLocale(String locale) {
    return PseudoLocalisation.isPseudo(locale);
  }

  /**
   * Whether text in {@code locale} runs right to left: its likely script does (Arabic, Hebrew …),
   * or it is the right-to-left pseudo-locale. The one place that decides a document's direction.
   */
  public static boolean isRightToLeft(String locale) {
    return locale.equals(PSEUDO_RIGHT_TO_LEFT)
        || ULocale.addLikelySubtags(ULocale.forLanguageTag(locale)).isRightToLeft();
  }

  public Path directory() {
    return directory;
  }

  /** Locale tags in a stable order: the source locale, translations, then the pseudo-locales. */
  public List<String> locales() {
    List<String> tags = new ArrayList<>();
    tags.add(SOURCE_LOCALE);
    bundles.values().stream()
        .filter(b -> !b.generated() && !b.locale().equals(SOURCE_LOCALE))
        .forEach(b -> tags.add(b.locale()));
    bundles.values().stream().filter(Bundle::generated).forEach(b -> tags.add(b.locale()));
    return tags;
  }

  public Optional<Bundle> bundle(String locale) {
    return Optional.ofNullable(bundles.get(locale));
  }

  public Bundle source() {
    return Objects.requireNonNull(bundles.get(SOURCE_LOCALE), SOURCE_LOCALE);
  }

  /**
   * The bundles a locale's messages come from, most specific first: {@code pt-BR → pt → en-GB}.
   * Only bundles that exist are included; the source bundle always ends the chain.
   */
  public List<Bundle> fallbackChain(String locale) {
    List<Bundle> chain = new ArrayList<>();
    String tag = locale;
    while (!tag.isEmpty()) {
      Bundle b = bundles.get(tag);
      if (b != null && !chain.contains(b)) {
        chain.add(b);
      }
      int dash = tag.lastIndexOf('-');
      tag = dash < 0 ? "" : tag.substring(0, dash);
    }
    if (!chain.contains(source())) {
      chain.add(source());
    }
    return chain;
  }

  /** A fresh message source for one notice: {@code variant}'s wording in {@code locale}. */
  public Messages messages(String locale, String variant, OrganisationProfile profile) {
    Map<String, java.util.Set<String>> stale = new TreeMap<>();
    for (Bundle b : fallbackChain(locale)) {
      stale.put(b.locale(), stale(b.locale()).keySet());
    }
    return new Messages(locale, variant, fallbackChain(locale), source(), profile, stale);
  }
}
