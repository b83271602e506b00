package org.noticepublisher.catalog;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.noticepublisher.Finding;
import org.noticepublisher.catalog.internal.InvisibleCharacters;

/**
 * What a translator needs to know about a bundle, compared with the source bundle: each finding
 * names the file, line and key and says why. Errors are mistakes that would show wrong text (an
 * argument lost or misspelt, a key nobody reads, a character that reorders or hides text, a
 * translation with no translated message); warnings are gaps that fall back to English or that a
 * reviewer should look at. Render runs the same checks on the bundles a notice reads, so what lint
 * calls an error is never published.
 */
public final class BundleLint {
  /** Keys that describe the bundle itself, allowed in every bundle. */
  public static final Set<String> BUNDLE_KEYS = Set.of(Bundle.STATUS_KEY, "bundle.language");

  private BundleLint() {}

  /** Every translation bundle of the catalog (pseudo-locales are generated and not checked). */
  public static List<Finding> check(Catalog catalog) {
    List<Finding> findings = new ArrayList<>();
    for (String locale : catalog.locales()) {
      Bundle bundle = catalog.bundle(locale).orElseThrow();
      if (!bundle.generated()) {
        findings.addAll(content(catalog, bundle));
        catalog
            .basis(locale)
            .ifPresent(b -> findings.addAll(staleness(bundle, catalog.source(), b)));
      }
    }
    return findings;
  }

  /**
   * What is wrong with the text of one bundle: the structural checks and the translation QA checks,
   * the ones a render refuses on. Staleness (the English moved on) is left out: it is reported and
   * marked on the published notice, not a reason to withhold it.
   */
  public static List<Finding> content(Catalog catalog, Bundle bundle) {
    List<Finding> findings =
        new ArrayList<>(TranslationChecks.against(catalog.source()).check(bundle));
    findings.addAll(check(bundle, catalog.source()));
    return findings;
  }

  public static List<Finding> check(Bundle bundle, Bundle source) {
    List<Finding> findings = new ArrayList<>();
    String file = bundle.file().toString();
    boolean isSource = bundle == source;
    if (!bundle.keys().contains(Bundle.STATUS_KEY)) {
      findings.add(
          Finding.warning(
                  Bundle.STATUS_KEY,
                  "the bundle does not say whether it was "
                      + "reviewed, so it is published as a draft")
              .at(file, 0)
              .withFix("add bundle.status = draft (or reviewed, once a reviewer has checked it)"));
    }
    int translated = 0;
    for (String key : bundle.keys()) {
      String pattern = bundle.pattern(key).orElseThrow();
      int line = bundle.lineOf(key);
      for (InvisibleCharacters.Refused c : InvisibleCharacters.in(pattern)) {
        findings.add(
            Finding.error(
                    key,
                    "invisible control character "
                        + c.describe()
                        + " at character "
                        + (c.index() + 1)
                        + " of the message")
                .at(file, line)
                .withFix(c.fix()));
      }
      if (pattern.indexOf('\'') >= 0) {
        findings.add(
            Finding.warning(
                    key,
                    "straight apostrophe ('): ICU reads it as a quote and may "
                        + "hide the text after it")
                .at(file, line)
                .withFix("write ’ (or '' for a literal apostrophe)"));
      }
      if (isSource) {
        continue;
      }
      String original = source.pattern(key).orElse(null);
      if (original == null) {
        if (!BUNDLE_KEYS.contains(key)) {
          Optional<String> near = PropertiesFile.nearest(key, source.keys());
          findings.add(
              Finding.error(
                      key,
                      "no such key in the source bundle "
                          + source.locale()
                          + ": it is never shown"
                          + near.map(n -> "; did you mean " + n + "?").orElse(""))
                  .at(file, line)
                  .withFix(
                      near.map(n -> "rename it to " + n)
                          .orElse(
                              "check the spelling against "
                                  + source.file().getFileName()
                                  + ", or delete the line")));
        }
        continue;
      }
      if (!pattern.isBlank() && !BUNDLE_KEYS.contains(key)) {
        translated++;
      }
      Set<String> want = arguments(original, source.locale());
      Set<String> got = arguments(pattern, bundle.locale());
      if (!want.equals(got)) {
        Set<String> missing = new TreeSet<>(want);
        missing.removeAll(got);
        Set<String> unknown = new TreeSet<>(got);
        unknown.removeAll(want);
        findings.add(
            Finding.error(
                    key,
                    "arguments differ from the source"
                        + (missing.isEmpty() ? "" : ": missing " + braces(missing))
                        + (unknown.isEmpty() ? "" : ": unknown " + braces(unknown)))
                .at(file, line)
                .withFix(
                    (want.isEmpty() ? "use no {argument}" : "use exactly " + braces(want))
                        + " as in "
                        + source.file().getFileName()
                        + " line "
                        + source.lineOf(key)));
      }
    }
    if (!isSource && translated == 0) {
      findings.add(
          Finding.error(
                  "bundle",
                  "no translated message: every text of the notice would "
                      + "be "
                      + source.locale()
                      + " under a "
                      + bundle.locale()
                      + " label")
              .at(file, 0)
              .withFix(
                  "translate the messages of "
                      + source.file().getFileName()
                      + " (keys and arguments as there), or delete the file"));
    }
    if (!isSource) {
      for (String key : source.keys()) {
        if (!key.startsWith("bundle.") && bundle.pattern(key).isEmpty()) {
          findings.add(
              Finding.warning(key, "not translated: readers see the " + source.locale() + " text")
                  .at(file, 0)
                  .withFix(
                      "add "
                          + key
                          + " = … (source: "
                          + source.file().getFileName()
                          + " line "
                          + source.lineOf(key)
                          + ")"));
        }
      }
    }
    return findings;
  }

  /**
   * Translations made from English that has changed since: a warning in a draft bundle, an error in
   * a reviewed one (a reviewer signed off text that no longer matches). Each names the word diff.
   */
  public static List<Finding> staleness(Bundle bundle, Bundle source, SourceBasis basis) {
    List<Finding> findings = new ArrayList<>();
    String file = bundle.file().toString();
    String accept = " -l " + bundle.locale();
    if (!basis.recorded()) {
      findings.add(
          Finding.warning(
                  "basis",
                  "no record of the English this translation was made "
                      + "from, so changes to the English cannot be detected")
              .at(basis.file().toString(), 0)
              .withFix(
                  "if the translation matches the current English, record it: lint --accept-all"
                      + accept));
      return findings;
    }
    boolean reviewed = bundle.status() == Bundle.ReviewStatus.REVIEWED;
    basis
        .stale(bundle, source)
        .forEach(
            (key, change) -> {
              String why = "stale: the English changed since this was translated: " + change.diff();
              findings.add(
                  (reviewed ? Finding.error(key, why) : Finding.warning(key, why))
                      .at(file, bundle.lineOf(key))
                      .withFix(
                          "update the translation to the new English, then: lint --accept "
                              + key
                              + accept));
            });
    for (String key : bundle.keys()) {
      if (!key.startsWith("bundle.")
          && basis.english(key).isEmpty()
          && SourceBasis.effectiveEnglish(source, key).isPresent()) {
        findings.add(
            Finding.warning(key, "no record of the English this translation was made " + "from")
                .at(file, bundle.lineOf(key))
                .withFix("once it matches the current English: lint --accept " + key + accept));
      }
    }
    return findings;
  }

  private static Set<String> arguments(String pattern, String locale) {
    return new TreeSet<>(
        new MessageFormat(pattern, ULocale.forLanguageTag(locale)).getArgumentNames());
  }

  private static String braces(Set<String> names) {
    return names.stream().map(n -> "{" + n + "}").reduce((a, b) -> a + " " + b).orElse("none");
  }
}
