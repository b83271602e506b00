package org.noticepublisher.catalog;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.text.Format;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one message resolver of the project, backed by ICU MessageFormat: every text a notice shows
 * comes through here. Looks a key up along the locale's fallback chain, trying the variant's own
 * wording ({@code <variant>.<key>}) before the shared one in each bundle, and remembers which keys
 * fell back so that no fallback is silent.
 *
 * <p>Not thread-safe: one instance serves one assembly.
 */
public final class Messages {
  /** Arguments named {@code link_<name>} mark where a link goes; see {@link #segments}. */
  public static final String LINK_PREFIX = "link_";

  private static final char SLOT_START = '\uE000';
  private static final char SLOT_END = '\uE001';
  private static final Pattern SLOT =
      Pattern.compile(SLOT_START + "([^" + SLOT_END + "]*)" + SLOT_END);
  private static final Pattern SLOT_MARKS = Pattern.compile("[\uE000\uE001]");

  private final String locale;
  private final ULocale uLocale;
  private final String variant;
  private final List<Bundle> chain;
  private final Bundle source;
  private final OrganisationProfile profile;
  private final Map<String, Object> facts;
  private final Map<String, MessageFormat> formats = new HashMap<>();
  private final Map<String, String> fallbacks = new TreeMap<>();
  private long characters;
  private long fallbackCharacters;
  private final Map<String, java.util.Set<String>> staleKeys;
  private final java.util.Set<String> staleUsed = new java.util.TreeSet<>();

  Messages(
      String locale,
      String variant,
      List<Bundle> chain,
      Bundle source,
      OrganisationProfile profile,
      Map<String, java.util.Set<String>> staleKeys) {
    this.staleKeys = Map.copyOf(staleKeys);
    this.locale = locale;
    this.uLocale = ULocale.forLanguageTag(locale);
    this.variant = variant;
    this.chain = List.copyOf(chain);
    this.source = source;
    this.profile = profile;
    this.facts = new LinkedHashMap<>(profile.arguments());
  }

  /**
   * Sets an argument that the notice itself computes (the reading time), for every message after;
   * the organisation's facts keep their values.
   *
   * @throws IllegalArgumentException if {@code name} is one of the organisation's facts
   */
  public void argument(String name, Object value) {
    if (profile.arguments().containsKey(name)) {
      throw new IllegalArgumentException("name is an organisation fact: " + name);
    }
    facts.put(name, value);
  }

  public String locale() {
    return locale;
  }

  public String variant() {
    return variant;
  }

  public OrganisationProfile profile() {
    return profile;
  }

  /** Whether {@code key} resolves for this variant in any bundle of the chain. */
  public boolean has(String key) {
    return resolve(key).isPresent();
  }

  /** The key's text with every argument filled in; links become their words. */
  public String text(String key) {
    return text(key, Map.of());
  }

  public String text(String key, Map<String, ?> extra) {
    StringBuilder plain = new StringBuilder();
    for (Segment s : segments(key, extra)) {
      String slot = s.slot();
      plain.append(
          slot != null && slot.startsWith(LINK_PREFIX)
              ? text("link." + slot.substring(LINK_PREFIX.length()))
              : s.text());
    }
    return plain.toString();
  }

  /**
   * The key's text split at its slots: the arguments named in {@code slots} and every {@code
   * link_*} argument, which the caller turns into markup (a link, a page counter). Text segments
   * are plain text, never markup: the caller must escape them.
   */
  public List<Segment> segments(String key, Map<String, ?> extra, String... slots) {
    Resolved r =
        resolve(key)
            .orElseThrow(
                () -> new MissingMessageException(key, variant, locale, source.file().toString()));
    if (!r.bundle.locale().equals(locale)) {
      fallbacks.putIfAbsent(r.key, r.bundle.locale());
    }
    if (staleKeys.getOrDefault(r.bundle.locale(), java.util.Set.of()).contains(r.key)) {
      staleUsed.add(r.key);
    }
    MessageFormat format =
        formats.computeIfAbsent(r.bundle.locale() + "\u0000" + r.key, k -> newFormat(r.pattern));
    Map<String, Object> args = new LinkedHashMap<>(facts);
    args.putAll(extra);
    for (String name : format.getArgumentNames()) {
      if (name.startsWith(LINK_PREFIX) || List.of(slots).contains(name)) {
        args.put(name, SLOT_START + name + SLOT_END);
      }
    }
    String formatted = format.format(args);
    int length = SLOT.matcher(formatted).replaceAll("").length();
    characters += length;
    if (!r.bundle.locale().equals(locale)) {
      fallbackCharacters += length;
    }
    List<Segment> out = new ArrayList<>();
    Matcher m = SLOT.matcher(formatted);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        out.add(Segment.text(formatted.substring(at, m.start())));
      }
      out.add(Segment.slot(m.group(1)));
      at = m.end();
    }
    if (at < formatted.length()) {
      out.add(Segment.text(SLOT_MARKS.matcher(formatted.substring(at)).replaceAll("")));
    }
    return out;
  }

  /**
   * Keys of a numbered run, {@code prefix.1}, {@code prefix.2}, … as the source bundle defines it
   * for this variant: the source decides how many items a list has, so a translation cannot drop
   * one. A variant that words a run itself ({@code <variant>.prefix.1} exists) gets only its own
   * items.
   */
  public List<String> numbered(String prefix) {
    String own = variant + "." + prefix;
    String from = source.pattern(own + ".1").isPresent() ? own : prefix;
    List<String> keys = new ArrayList<>();
    for (int i = 1; source.pattern(from + "." + i).isPresent(); i++) {
      keys.add(prefix + "." + i);
    }
    return keys;
  }

  /** Keys served by a bundle further down the chain than this locale's own, and by which locale. */
  public Map<String, String> fallbacks() {
    return Collections.unmodifiableMap(fallbacks);
  }

  /**
   * The language {@code key}'s text is in: this locale, or the locale of the bundle it falls back
   * to. Text in another language must be marked as such, so a screen reader reads it with that
   * language's rules.
   */
  public String languageOf(String key) {
    return resolve(key).map(r -> r.bundle.locale()).orElse(locale);
  }

  /** The share (0 to 1) of the characters shown so far that came from another locale's bundle. */
  public double fallbackShare() {
    return characters == 0 ? 0 : (double) fallbackCharacters / characters;
  }

  /** Keys shown so far whose translation was made from English that has changed since (stale). */
  public java.util.Set<String> stale() {
    return Collections.unmodifiableSet(staleUsed);
  }

  /** The first bundle of the chain with the variant's own wording or the shared one, and which. */
  private Optional<Resolved> resolve(String key) {
    for (Bundle bundle : chain) {
      for (String candidate : List.of(variant + "." + key, key)) {
        Optional<String> pattern = bundle.pattern(candidate);
        if (pattern.isPresent()) {
          return Optional.of(new Resolved(bundle, candidate, pattern.get()));
        }
      }
    }
    return Optional.empty();
  }

  private MessageFormat newFormat(String pattern) {
    MessageFormat format = new MessageFormat(pattern, uLocale);
    // Dates are calendar dates from the profile: never shift them into the machine's time zone.
    for (Format f : format.getFormats()) {
      if (f instanceof DateFormat df) {
        df.setTimeZone(TimeZone.GMT_ZONE);
      }
    }
    return format;
  }

  private record Resolved(Bundle bundle, String key, String pattern) {}

  /** A piece of a formatted message: plain text, or a slot the caller fills with markup. */
  public record Segment(String text, @Nullable String slot) {
    static Segment text(String text) {
      return new Segment(text, null);
    }

    static Segment slot(String name) {
      return new Segment("", name);
    }

    public boolean isSlot() {
      return slot != null;
    }
  }
}
