package org.noticepublisher.xliff;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.okapi.lib.xliff2.core.CTag;
import net.sf.okapi.lib.xliff2.core.Fragment;
import net.sf.okapi.lib.xliff2.core.Note;
import net.sf.okapi.lib.xliff2.core.Segment;
import net.sf.okapi.lib.xliff2.core.StartFileData;
import net.sf.okapi.lib.xliff2.core.StartXliffData;
import net.sf.okapi.lib.xliff2.core.TargetState;
import net.sf.okapi.lib.xliff2.core.Unit;
import net.sf.okapi.lib.xliff2.writer.XLIFFWriter;
import org.jspecify.annotations.Nullable;
import org.noticepublisher.catalog.Bundle;
import org.noticepublisher.catalog.Catalog;
import org.noticepublisher.catalog.MessageShape;
import org.noticepublisher.catalog.OrganisationProfile;
import org.noticepublisher.catalog.SourceBasis;
import org.noticepublisher.xliff.internal.IcuSegments;
import org.noticepublisher.xliff.internal.IcuSegments.Token;

/**
 * One locale's bundle as an XLIFF 2.0 file for a CAT tool: a unit per key in the source's order,
 * the English as source and the translation (if any) as target. Arguments are {@code <ph>} codes
 * that keep their ICU text as original data. A plural becomes one segment per category of the
 * <em>target</em> language (Polish one/few/many/other, not English one/other), each noted with the
 * numbers CLDR puts in it; a select one segment per key. {@link XliffImport} puts them back.
 */
public final class XliffExport {
  /** Prefix of segment ids: the branch's selector follows, e.g. {@code b-few}. */
  static final String BRANCH = "b-";

  private final Catalog catalog;
  private final OrganisationProfile profile;
  private final Map<String, KeyContext> context;

  /**
   * @param context where each key appears; keys without an entry get no location notes
   */
  public XliffExport(
      Catalog catalog, OrganisationProfile profile, Map<String, KeyContext> context) {
    this.catalog = catalog;
    this.profile = profile;
    this.context = Map.copyOf(context);
  }

  /** Keys a translator translates: the source's and the bundle's own variant wordings. */
  static List<String> keys(Bundle source, Bundle bundle) {
    Set<String> keys = new LinkedHashSet<>();
    for (String k : source.keys()) {
      if (!k.startsWith("bundle.")) {
        keys.add(k);
      }
    }
    for (String k : bundle.keys()) {
      if (!k.startsWith("bundle.") && SourceBasis.effectiveEnglish(source, k).isPresent()) {
        keys.add(k);
      }
    }
    return List.copyOf(keys);
  }

  /** The XLIFF 2.0 document of {@code locale}'s bundle. */
  public String export(String locale) {
    Bundle bundle =
        catalog
            .bundle(locale)
            .filter(b -> !b.generated() && !b.locale().equals(Catalog.SOURCE_LOCALE))
            .orElseThrow(
                () -> new IllegalArgumentException("locale is not a translated bundle: " + locale));
    Bundle source = catalog.source();
    Map<String, SourceBasis.Change> stale = catalog.stale(locale);
    StringWriter out = new StringWriter();
    try (XLIFFWriter writer = new XLIFFWriter()) {
      writer.setWithOriginalData(true);
      writer.setLineBreak("\n");
      writer.setUseIndentation(true);
      writer.create(out, Catalog.SOURCE_LOCALE, locale);
      StartXliffData start = new StartXliffData(null);
      start.setSourceLanguage(Catalog.SOURCE_LOCALE);
      start.setTargetLanguage(locale);
      writer.writeStartDocument(
          start,
          "Notice Publisher: "
              + locale
              + " translation of "
              + Catalog.SOURCE_LOCALE
              + ". Translate the targets; keep each <ph/> (an argument).");
      StartFileData file = new StartFileData("f1");
      file.setOriginal("locales/" + locale + ".properties");
      writer.writeStartFile(file);
      for (String key : keys(source, bundle)) {
        writer.writeUnit(unit(key, source, bundle, stale.get(key)));
      }
      writer.writeEndFile();
      writer.writeEndDocument();
    }
    return out.toString();
  }

  private Unit unit(String key, Bundle source, Bundle bundle, SourceBasis.@Nullable Change change) {
    Unit unit = new Unit(key);
    unit.setName(key);
    String english = SourceBasis.effectiveEnglish(source, key).orElseThrow();
    Optional<String> translation = bundle.pattern(key);
    ULocale target = ULocale.forLanguageTag(bundle.locale());
    note(unit, "key", key);
    KeyContext where = context.get(key);
    if (where != null) {
      note(
          unit,
          "location",
          (where.section().isEmpty() ? "Document furniture" : "Section " + where.section())
              + "; variants: "
              + String.join(", ", where.variants())
              + where.page().map(p -> "; page " + p + " of the English A4 PDF").orElse(""));
      where
          .image()
          .ifPresent(
              img ->
                  note(
                      unit,
                      "context",
                      "Picture of where the English sits " + "in the A4 PDF: " + img));
    }
    MessageShape shape = MessageShape.of(english);
    shape.arguments().forEach((name, kind) -> note(unit, "argument", meaning(name, kind)));
    if (change != null) {
      note(unit, "stale", "The English changed since this was translated: " + change.diff());
    }
    TargetState state =
        translation.isEmpty() || change != null
            ? TargetState.INITIAL
            : bundle.status() == Bundle.ReviewStatus.REVIEWED
                ? TargetState.REVIEWED
                : TargetState.TRANSLATED;

    Optional<IcuSegments.Choice> en = IcuSegments.choice(english);
    Optional<IcuSegments.Choice> tr = translation.flatMap(IcuSegments::choice);
    if (en.isPresent() && (translation.isEmpty() || tr.isPresent())) {
      IcuSegments.Choice c = en.get();
      boolean plural = !c.kind().equals("select");
      List<String> selectors = new ArrayList<>();
      PluralRules rules =
          PluralRules.forLocale(
              target,
              c.kind().equals("selectordinal")
                  ? PluralRules.PluralType.ORDINAL
                  : PluralRules.PluralType.CARDINAL);
      if (plural) {
        selectors.addAll(ordered(rules.getKeywords()));
        tr.ifPresent(
            t ->
                t.branches().keySet().stream()
                    .filter(s -> s.startsWith("="))
                    .forEach(selectors::add));
      } else {
        selectors.addAll(c.branches().keySet());
      }
      PluralRules enRules = PluralRules.forLocale(ULocale.forLanguageTag(Catalog.SOURCE_LOCALE));
      for (String selector : selectors) {
        String enBranch =
            c.branches().containsKey(selector) && !plural
                ? selector
                : plural ? englishBranch(c, selector, rules, enRules) : "other";
        Segment seg = unit.appendSegment();
        seg.setId(BRANCH + selector.replace("=", "exact"));
        seg.setPreserveWS(true);
        fill(seg.getSource(), IcuSegments.tokens(c.sentence(enBranch), plural), seg);
        String tText =
            tr.map(t -> t.branches().containsKey(selector) ? t.sentence(selector) : null)
                .orElse(null);
        if (tText != null) {
          seg.setTarget(new Fragment(unit.getStore(), true));
          fill(seg.getTarget(), IcuSegments.tokens(tText, plural), seg);
        }
        seg.setState(tText == null ? TargetState.INITIAL : state);
        if (plural) {
          note(
              unit,
              "plural",
              seg.getId()
                  + ": the "
                  + selector
                  + " form, used for "
                  + samples(rules, selector)
                  + " "
                  + c.name());
        }
      }
      return unit;
    }
    Segment seg = unit.appendSegment();
    seg.setId("s1");
    // Spaces are part of the message: a CAT tool must not collapse them.
    seg.setPreserveWS(true);
    fill(seg.getSource(), IcuSegments.tokens(english, false), seg);
    if (translation.isPresent()) {
      seg.setTarget(new Fragment(unit.getStore(), true));
      fill(seg.getTarget(), IcuSegments.tokens(translation.get(), false), seg);
    }
    seg.setState(state);
    return unit;
  }

  /**
   * Text and codes into a fragment. A code's id comes from its argument and occurrence, so the same
   * argument has the same id in source and target and the CAT tool pairs them.
   */
  private static void fill(Fragment f, List<Token> tokens, Segment seg) {
    Map<String, Integer> seen = new HashMap<>();
    for (Token t : tokens) {
      String data = t.data();
      if (data != null) {
        int n = seen.merge(data, 1, Integer::sum);
        String id = codeId(seg.getId(), data, n);
        CTag tag = f.appendCode(id, data);
        tag.setDisp(data);
        // A plural's number may go (Arabic says "two minutes" in one word); arguments may not.
        tag.setCanDelete(data.equals("#"));
      } else {
        f.append(t.text());
      }
    }
  }

  /** The n-th occurrence of a code in a segment: the same id in source and target. */
  static String codeId(String segment, String data, int n) {
    String name = data.equals("#") ? "n" : data.replaceAll("^\\{\\s*([\\p{L}\\p{N}_]+).*$", "$1");
    return segment + "-" + name.replaceAll("[^A-Za-z0-9_]", "_") + (n > 1 ? "-" + n : "");
  }

  private static String englishBranch(
      IcuSegments.Choice c, String selector, PluralRules target, PluralRules english) {
    if (selector.startsWith("=") || !c.kind().equals("plural")) {
      return c.branches().containsKey(selector) ? selector : "other";
    }
    Double sample = firstSample(target, selector);
    String en = sample == null ? "other" : english.select(sample);
    return c.branches().containsKey(en) ? en : "other";
  }

  @SuppressWarnings("deprecation")
  private static @Nullable Double firstSample(PluralRules rules, String keyword) {
    var ints = rules.getSamples(keyword, PluralRules.SampleType.INTEGER);
    var any =
        ints == null || ints.isEmpty()
            ? rules.getSamples(keyword, PluralRules.SampleType.DECIMAL)
            : ints;
    return any == null || any.isEmpty() ? null : any.iterator().next();
  }

  @SuppressWarnings("deprecation")
  private static String samples(PluralRules rules, String keyword) {
    if (keyword.startsWith("=")) {
      return "exactly " + keyword.substring(1);
    }
    var ints = rules.getSamples(keyword, PluralRules.SampleType.INTEGER);
    boolean decimal = ints == null || ints.isEmpty();
    var any = decimal ? rules.getSamples(keyword, PluralRules.SampleType.DECIMAL) : ints;
    List<String> shown = new ArrayList<>();
    for (Double d : any) {
      shown.add(decimal ? String.valueOf(d) : String.valueOf(d.longValue()));
      if (shown.size() == 6) {
        break;
      }
    }
    return String.join(", ", shown) + ", …";
  }

  private static List<String> ordered(Set<String> keywords) {
    List<String> order = List.of("zero", "one", "two", "few", "many", "other");
    List<String> out = new ArrayList<>(keywords);
    out.sort((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b)));
    return out;
  }

  private String meaning(String name, String kind) {
    Object example = profile.arguments().get(name);
    String what =
        switch (name) {
          case "organisation" -> "the organisation's name";
          case "icoRegistration" -> "the organisation's ICO registration number";
          case "website" -> "the organisation's website";
          case "published" -> "the date the notice was last updated";
          case "page" -> "the number of this page";
          case "pages" -> "the number of pages";
          case "minutes" -> "the estimated reading time in minutes";
          case "fact" -> "the name of a fact not yet known";
          case "value" -> "a contact detail (address, number)";
          case "words" -> "the words of a link";
          default ->
              name.startsWith("link_")
                  ? "a link; its words come from link."
                      + name.substring(5)
                      + ", its address from the organisation profile"
                  : "a value";
        };
    return "{"
        + name
        + "}"
        + ("text".equals(kind) ? "" : " (" + kind + ")")
        + ": "
        + what
        + (example instanceof String s && !s.isEmpty() ? ", e.g. " + s : "");
  }

  private static void note(Unit unit, String category, String text) {
    Note n = new Note(text);
    n.setCategory(category);
    unit.getNotes().add(n);
  }
}
