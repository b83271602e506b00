package org.noticepublisher.catalog;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.noticepublisher.Finding;

/**
 * The translation QA checks a CAT tool or a translation platform runs, on every message of a bundle
 * against its source: CLDR plural keywords, argument kinds, plural completeness for the target
 * language, dead plural branches, select keys, text left in English, white space, end punctuation,
 * and numbers, web addresses and e-mail addresses carried over. Each finding names file, line, key,
 * why and how to fix it. (Rendered width and glyph coverage need the fonts: {@code
 * render.BundleFit}.)
 *
 * <p>Errors show readers wrong text; warnings are for the translator or reviewer to look at.
 */
public final class TranslationChecks {
  /** Terms that stay the same in every language (names, acronyms); one a line, # comments. */
  public static final String ALLOWED_IDENTICAL = "untranslated-terms.txt";

  private static final Set<String> CLDR_KEYWORDS =
      Set.of("zero", "one", "two", "few", "many", "other");
  private static final Pattern EXPLICIT = Pattern.compile("=\\d+(\\.\\d+)?");
  private static final Pattern URL =
      Pattern.compile("(?:https?://|www\\.)[^\\s<>()]+[^\\s<>().,;:!?’”]");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
  private static final Pattern NUMBER = Pattern.compile("\\d{2,}");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}’'-]+");
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

  private final Bundle source;
  private final Set<String> allowedIdentical;

  private TranslationChecks(Bundle source, Set<String> allowedIdentical) {
    this.source = source;
    this.allowedIdentical = allowedIdentical;
  }

  /** Checks against {@code source}; terms allowed to stay English come from its folder. */
  public static TranslationChecks against(Bundle source) {
    return new TranslationChecks(
        source, readAllowed(source.file().resolveSibling(ALLOWED_IDENTICAL)));
  }

  /**
   * Every check on every message of {@code bundle} (the source gets the checks that need no
   * source).
   */
  public List<Finding> check(Bundle bundle) {
    List<Finding> findings = new ArrayList<>();
    boolean isSource =
        bundle.locale().equals(source.locale()) && bundle.file().equals(source.file());
    ULocale locale = ULocale.forLanguageTag(bundle.locale());
    for (String key : bundle.keys()) {
      if (key.startsWith("bundle.")) {
        continue;
      }
      Message m = new Message(bundle, key, MessageShape.of(bundle.pattern(key).orElseThrow()));
      findings.addAll(pluralKeywords(m));
      findings.addAll(pluralCompleteness(m, locale));
      findings.addAll(deadBranches(m, locale));
      findings.addAll(whitespace(m));
      if (isSource) {
        continue;
      }
      Optional<String> english = SourceBasis.effectiveEnglish(source, key);
      if (english.isEmpty()) {
        continue;
      }
      MessageShape src = MessageShape.of(english.get());
      findings.addAll(argumentKinds(m, src));
      findings.addAll(selectKeys(m, src));
      if (!Catalog.isEnglish(bundle.locale())) {
        findings.addAll(identical(m, src));
      }
      findings.addAll(branchWhitespace(m, src));
      findings.addAll(endPunctuation(m, english.get()));
      findings.addAll(carriedOver(m, src));
    }
    return findings;
  }

  /** Keys of {@code bundle} whose plural lacks a category of its language (check 3). */
  public Set<String> pluralGaps(Bundle bundle) {
    Set<String> keys = new java.util.LinkedHashSet<>();
    ULocale locale = ULocale.forLanguageTag(bundle.locale());
    for (String key : bundle.keys()) {
      if (!key.startsWith("bundle.")
          && !pluralCompleteness(
                  new Message(bundle, key, MessageShape.of(bundle.pattern(key).orElseThrow())),
                  locale)
              .isEmpty()) {
        keys.add(key);
      }
    }
    return keys;
  }

  private record Message(Bundle bundle, String key, MessageShape shape) {
    String pattern() {
      return bundle.pattern(key).orElseThrow();
    }

    Finding at(Finding f) {
      return f.at(bundle.file().toString(), bundle.lineOf(key));
    }
  }

  /**
   * Check 1: ICU accepts any word as a plural selector; only CLDR's six keywords and =N mean
   * anything.
   */
  List<Finding> pluralKeywords(Message m) {
    List<Finding> out = new ArrayList<>();
    for (MessageShape.Choice c : m.shape().choices()) {
      if (!c.isPlural()) {
        continue;
      }
      for (String selector : c.branches().keySet()) {
        if (!CLDR_KEYWORDS.contains(selector) && !EXPLICIT.matcher(selector).matches()) {
          out.add(
              m.at(
                  Finding.error(
                          m.key(),
                          "'"
                              + selector
                              + "' in {"
                              + c.name()
                              + ", "
                              + c.kind()
                              + "} is not a CLDR plural keyword: ICU never selects it")
                      .withFix(
                          "use one of zero, one, two, few, many, other (or =N for an exact number)")));
        }
      }
    }
    return out;
  }

  /** Check 3: every category the target language uses, or ICU silently shows the 'other' form. */
  List<Finding> pluralCompleteness(Message m, ULocale locale) {
    List<Finding> out = new ArrayList<>();
    for (MessageShape.Choice c : m.shape().choices()) {
      if (!c.isPlural()) {
        continue;
      }
      PluralRules rules = rules(locale, c.kind());
      Set<String> need = new TreeSet<>(PluralCategories.order(rules.getKeywords()));
      need.add("other");
      need.removeAll(c.branches().keySet());
      if (!need.isEmpty()) {
        List<String> missing = PluralCategories.order(need);
        out.add(
            m.at(
                Finding.error(
                        m.key(),
                        "{"
                            + c.name()
                            + ", "
                            + c.kind()
                            + "} lacks "
                            + String.join(", ", missing)
                            + ": "
                            + m.bundle().locale()
                            + " needs "
                            + String.join("/", PluralCategories.order(rules.getKeywords()))
                            + "; numbers "
                            + missing.stream()
                                .map(k -> PluralCategories.samples(rules, k))
                                .collect(Collectors.joining("; "))
                            + " would be shown with the 'other' form")
                    .withFix(
                        "add "
                            + missing.stream().map(k -> k + " {…}").collect(Collectors.joining(" "))
                            + " to the "
                            + c.kind())));
      }
    }
    return out;
  }

  /** Check 4: a keyword the language never selects is text nobody reads. */
  List<Finding> deadBranches(Message m, ULocale locale) {
    List<Finding> out = new ArrayList<>();
    for (MessageShape.Choice c : m.shape().choices()) {
      if (!c.isPlural()) {
        continue;
      }
      Set<String> used = rules(locale, c.kind()).getKeywords();
      for (String selector : c.branches().keySet()) {
        if (CLDR_KEYWORDS.contains(selector) && !used.contains(selector)) {
          out.add(
              m.at(
                  Finding.warning(
                          m.key(),
                          "'"
                              + selector
                              + "' in {"
                              + c.name()
                              + ", "
                              + c.kind()
                              + "} is never selected in "
                              + m.bundle().locale()
                              + " (it uses "
                              + String.join("/", PluralCategories.order(used))
                              + ")")
                      .withFix("delete the " + selector + " {…} branch")));
        }
      }
    }
    return out;
  }

  /** Check 2: same argument names (BundleLint) and, here, the same kind of each. */
  List<Finding> argumentKinds(Message m, MessageShape src) {
    List<Finding> out = new ArrayList<>();
    m.shape()
        .arguments()
        .forEach(
            (name, kind) -> {
              String want = src.arguments().get(name);
              if (want != null && !want.equals(kind)) {
                out.add(
                    m.at(
                        Finding.error(
                                m.key(),
                                "{"
                                    + name
                                    + "} is "
                                    + describe(kind)
                                    + " here but "
                                    + describe(want)
                                    + " in the source")
                            .withFix("write it as in the source: " + example(name, want))));
              }
            });
    return out;
  }

  /**
   * Check 5: select keys are fixed values from the program, so the translation must use the same.
   */
  List<Finding> selectKeys(Message m, MessageShape src) {
    List<Finding> out = new ArrayList<>();
    for (MessageShape.Choice c : m.shape().choices()) {
      if (c.isPlural()) {
        continue;
      }
      src.choice(c.name())
          .filter(s -> !s.isPlural())
          .ifPresent(
              s -> {
                Set<String> missing = new LinkedHashSet<>(s.branches().keySet());
                missing.removeAll(c.branches().keySet());
                Set<String> unknown = new LinkedHashSet<>(c.branches().keySet());
                unknown.removeAll(s.branches().keySet());
                if (!missing.isEmpty() || !unknown.isEmpty()) {
                  out.add(
                      m.at(
                          Finding.error(
                                  m.key(),
                                  "{"
                                      + c.name()
                                      + ", select} keys differ from the "
                                      + "source"
                                      + (missing.isEmpty() ? "" : ": missing " + missing)
                                      + (unknown.isEmpty() ? "" : ": unknown " + unknown))
                              .withFix(
                                  "use exactly the keys "
                                      + s.branches().keySet()
                                      + " as in the source")));
                }
              });
    }
    return out;
  }

  /** Check 6: text still in English, unless every word is an allowed term or an acronym. */
  List<Finding> identical(Message m, MessageShape src) {
    String text = m.shape().literal();
    if (!text.equals(src.literal())
        || !m.pattern().equals(SourceBasis.effectiveEnglish(source, m.key()).orElse(""))) {
      return List.of();
    }
    String rest = text;
    for (String term : allowedIdentical) {
      rest = rest.replace(term, " ");
    }
    Matcher w = WORD.matcher(rest);
    while (w.find()) {
      String word = w.group();
      if (!word.equals(word.toUpperCase(Locale.ROOT)) || word.length() == 1) {
        return List.of(
            m.at(
                Finding.warning(
                        m.key(),
                        "identical to the source: \"" + text.strip() + "\" is still in English")
                    .withFix(
                        "translate it, or add the name to locales/"
                            + ALLOWED_IDENTICAL
                            + " if it stays in English")));
      }
    }
    return List.of();
  }

  /**
   * Check 7: white space a reader sees as a gap or a break, invisible characters, unnormalised
   * text.
   */
  List<Finding> whitespace(Message m) {
    List<Finding> out = new ArrayList<>();
    String p = m.pattern();
    for (String run : m.shape().literalRuns()) {
      if (run.contains("  ")) {
        out.add(m.at(Finding.warning(m.key(), "double space").withFix("write a single space")));
        break;
      }
    }
    for (int i = 0; i < p.length(); ) {
      int cp = p.codePointAt(i);
      i += Character.charCount(cp);
      boolean zeroWidth = cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0x180E;
      if (zeroWidth || Character.getType(cp) == Character.CONTROL) {
        out.add(
            m.at(
                Finding.warning(
                        m.key(),
                        String.format(
                            Locale.ROOT,
                            "invisible character U+%04X (%s)",
                            cp,
                            UCharacter.getName(cp) == null ? "control" : UCharacter.getName(cp)))
                    .withFix("delete it; only ZWNJ/ZWJ (U+200C/U+200D) belong in text")));
        break;
      }
    }
    if (!NFC.isNormalized(p)) {
      out.add(
          m.at(
              Finding.warning(
                      m.key(),
                      "not in Unicode normal form C: letters are stored as "
                          + "base and combining marks, so search and copy-paste may not match")
                  .withFix("save the text NFC-normalised (most editors have an option)")));
    }
    return out;
  }

  /**
   * Check 7: a branch that starts or ends with a space where the source's does not, or the reverse.
   */
  List<Finding> branchWhitespace(Message m, MessageShape src) {
    List<Finding> out = new ArrayList<>();
    for (MessageShape.Choice c : m.shape().choices()) {
      Optional<MessageShape.Choice> s = src.choice(c.name());
      if (s.isEmpty() || !s.get().branches().containsKey("other")) {
        continue;
      }
      String want = s.get().branches().get("other");
      for (Map.Entry<String, String> b : c.branches().entrySet()) {
        String got = b.getValue();
        if (edge(got, true) != edge(want, true) || edge(got, false) != edge(want, false)) {
          out.add(
              m.at(
                  Finding.warning(
                          m.key(),
                          "white space at the start or end of the '"
                              + b.getKey()
                              + "' branch of {"
                              + c.name()
                              + "} differs from the source: "
                              + "words run together or a gap appears")
                      .withFix("match the source: {" + want + "}")));
        }
      }
    }
    return out;
  }

  private static boolean edge(String s, boolean start) {
    return !s.isEmpty() && Character.isWhitespace(start ? s.charAt(0) : s.charAt(s.length() - 1));
  }

  /** Check 8: a sentence that ends differently (a lost full stop, a question turned statement). */
  List<Finding> endPunctuation(Message m, String english) {
    EndMark want = EndMark.of(english);
    EndMark got = EndMark.of(m.pattern());
    if (want == got) {
      return List.of();
    }
    return List.of(
        m.at(
            Finding.warning(
                    m.key(),
                    "ends with " + got.words + " but the source ends " + "with " + want.words)
                .withFix(
                    want == EndMark.NONE
                        ? "end it as the source does (no closing punctuation)"
                        : "end it with " + want.words + " (in this script: " + want.marks + ")")));
  }

  /**
   * Check 9: numbers, web and e-mail addresses of the source carried into the translation as they
   * are.
   */
  List<Finding> carriedOver(Message m, MessageShape src) {
    List<Finding> out = new ArrayList<>();
    String target = m.shape().literal();
    String digits = asciiDigits(target);
    for (String url : all(URL, src.literal())) {
      if (!target.contains(url)) {
        out.add(
            m.at(
                Finding.error(m.key(), "the web address " + url + " of the source is missing")
                    .withFix("copy " + url + " exactly")));
      }
    }
    for (String mail : all(EMAIL, src.literal())) {
      if (!target.contains(mail)) {
        out.add(
            m.at(
                Finding.error(
                        m.key(), "the e-mail address " + mail + " of the source is " + "missing")
                    .withFix("copy " + mail + " exactly")));
      }
    }
    Set<String> targetNumbers = new java.util.HashSet<>(all(NUMBER, digits));
    for (String number : all(NUMBER, src.literal())) {
      if (!targetNumbers.contains(number)) {
        out.add(
            m.at(
                Finding.warning(
                        m.key(),
                        "the number " + number + " of the source is missing " + "or changed")
                    .withFix("write " + number + " (in any digits of the script)")));
      }
    }
    return out;
  }

  private static List<String> all(Pattern p, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = p.matcher(text);
    while (matcher.find()) {
      if (!found.contains(matcher.group())) {
        found.add(matcher.group());
      }
    }
    return found;
  }

  /** Arabic-Indic, Persian and other decimal digits as 0–9, so ۱۹۸۹ matches 1989. */
  private static String asciiDigits(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp ->
                out.append(
                    UCharacter.getType(cp) == UCharacter.DECIMAL_DIGIT_NUMBER
                        ? (char) ('0' + UCharacter.digit(cp, 10))
                        : new String(Character.toChars(cp))));
    return out.toString();
  }

  private static PluralRules rules(ULocale locale, String kind) {
    return PluralRules.forLocale(
        locale,
        kind.equals("selectordinal")
            ? PluralRules.PluralType.ORDINAL
            : PluralRules.PluralType.CARDINAL);
  }

  private static String describe(String kind) {
    return switch (kind) {
      case "text" -> "plain text";
      case "plural", "selectordinal", "select", "choice" -> "a " + kind;
      default -> "a " + kind;
    };
  }

  private static String example(String name, String kind) {
    return switch (kind) {
      case "text" -> "{" + name + "}";
      case "plural", "selectordinal", "select" -> "{" + name + ", " + kind + ", … }";
      default -> "{" + name + ", " + kind + "…}";
    };
  }

  private static Set<String> readAllowed(Path file) {
    Set<String> terms =
        new TreeSet<>(
            (a, b) ->
                a.length() != b.length()
                    ? Integer.compare(b.length(), a.length())
                    : a.compareTo(b));
    if (Files.isRegularFile(file)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String t = line.strip();
          if (!t.isEmpty() && !t.startsWith("#")) {
            terms.add(t);
          }
        }
      } catch (IOException e) {
        // Without the list every identical text is reported: noisy, never silent.
      }
    }
    return terms;
  }

  /** How a message ends, with the marks each script uses for the same thing. */
  enum EndMark {
    FULL_STOP("a full stop", ". 。 ۔ । ።"),
    QUESTION("a question mark", "? ؟ ？ ;"),
    EXCLAMATION("an exclamation mark", "! ！"),
    COLON("a colon", ": ："),
    SEMICOLON("a semicolon", "; ؛"),
    COMMA("a comma", ", ، 、 ，"),
    ELLIPSIS("an ellipsis", "… ..."),
    NONE("no punctuation", "");

    final String words;
    final String marks;

    EndMark(String words, String marks) {
      this.words = words;
      this.marks = marks;
    }

    static EndMark of(String text) {
      String t = text.strip();
      // Closing quotes and brackets come after the sentence's own mark.
      while (!t.isEmpty() && "’”»)]\"'".indexOf(t.charAt(t.length() - 1)) >= 0) {
        t = t.substring(0, t.length() - 1).strip();
      }
      if (t.endsWith("…") || t.endsWith("...")) {
        return ELLIPSIS;
      }
      if (t.isEmpty()) {
        return NONE;
      }
      char c = t.charAt(t.length() - 1);
      for (EndMark mark : values()) {
        if (mark != NONE && mark != ELLIPSIS && mark.marks.indexOf(c) >= 0 && c != ' ') {
          return mark == QUESTION && c == ';' ? SEMICOLON : mark;
        }
      }
      return NONE;
    }
  }

  /** CLDR's order of plural categories, and sample numbers for each. */
  static final class PluralCategories {
    private static final List<String> ORDER = List.of("zero", "one", "two", "few", "many", "other");

    static List<String> order(Collection<String> keywords) {
      List<String> out = new ArrayList<>(keywords);
      out.sort((a, b) -> Integer.compare(rank(a), rank(b)));
      return out;
    }

    private static int rank(String k) {
      int i = ORDER.indexOf(k);
      return i < 0 ? ORDER.size() : i;
    }

    @SuppressWarnings("deprecation")
    static String samples(PluralRules rules, String keyword) {
      Collection<Double> ints = rules.getSamples(keyword, PluralRules.SampleType.INTEGER);
      Collection<Double> values =
          ints == null || ints.isEmpty()
              ? rules.getSamples(keyword, PluralRules.SampleType.DECIMAL)
              : ints;
      if (values == null) {
        return keyword;
      }
      return keyword
          + " (e.g. "
          + values.stream().limit(4).map(PluralCategories::plain).collect(Collectors.joining(", "))
          + ")";
    }

    private static String plain(double d) {
      return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
  }
}
