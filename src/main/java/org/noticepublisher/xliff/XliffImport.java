package org.noticepublisher.xliff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.okapi.lib.xliff2.XLIFFException;
import net.sf.okapi.lib.xliff2.core.CTag;
import net.sf.okapi.lib.xliff2.core.Fragment;
import net.sf.okapi.lib.xliff2.core.Segment;
import net.sf.okapi.lib.xliff2.core.TargetState;
import net.sf.okapi.lib.xliff2.core.Unit;
import net.sf.okapi.lib.xliff2.reader.Event;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import org.noticepublisher.AtomicFile;
import org.noticepublisher.FileTree;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.catalog.Bundle;
import org.noticepublisher.catalog.BundleLint;
import org.noticepublisher.catalog.Catalog;
import org.noticepublisher.catalog.PropertiesWriter;
import org.noticepublisher.catalog.SourceBasis;
import org.noticepublisher.catalog.TranslationChecks;
import org.noticepublisher.xliff.internal.IcuSegments;

/**
 * Reads a translated XLIFF 2.0 file back into its bundle. Everything is checked first — the file
 * against the XLIFF 2.0 schema, each unit's key, codes and plural forms, and the new bundle with
 * every lint and QA check — and only a file without errors changes anything: the bundle in place
 * (the lines of changed keys only, so order and comments stay) and the basis of each key the
 * translator marked translated or better.
 */
public final class XliffImport {
  private XliffImport() {}

  /**
   * What importing a file would do.
   *
   * @param locale the bundle it is for
   * @param changes keys whose translation changes, with the new ICU message
   * @param accepted keys whose translation now matches the current English (basis to record)
   * @param problems errors (nothing may change) and warnings, at the XLIFF file's lines
   */
  public record Plan(
      String locale, Map<String, String> changes, Set<String> accepted, List<Finding> problems) {
    public boolean clean() {
      return problems.stream().noneMatch(Finding::isError);
    }
  }

  /** Reads and checks {@code xliff}; changes nothing. */
  public static Plan read(Catalog catalog, Path xliff) {
    String where = xliff.toString();
    String text;
    try {
      text = Files.readString(xliff, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return failed(
          "", Finding.error("io", "cannot read the file: " + e.getMessage()).at(where, 0));
    }
    String locale = null;
    List<Unit> units = new ArrayList<>();
    try (XLIFFReader reader = new XLIFFReader(XLIFFReader.VALIDATION_MAXIMAL)) {
      reader.open(xliff.toFile());
      while (reader.hasNext()) {
        Event e = reader.next();
        if (e.isStartXliff()) {
          locale = e.getStartXliffData().getTargetLanguage();
        } else if (e.isUnit()) {
          units.add(e.getUnit());
        }
      }
    } catch (XLIFFException e) {
      return failed(
          "",
          Finding.error("xliff", "not a valid XLIFF 2.0 file: " + e.getMessage())
              .at(where, 0)
              .withFix(
                  "export again with: xliff export -l <locale>, and translate only the targets"));
    }
    if (locale == null
        || catalog
            .bundle(locale)
            .filter(b -> !b.generated() && !b.locale().equals(Catalog.SOURCE_LOCALE))
            .isEmpty()) {
      return failed(
          "",
          Finding.error(
                  "trgLang", "the file's target language " + locale + " is not a translated bundle")
              .at(where, 2)
              .withFix("set trgLang to one of " + catalog.locales()));
    }
    Bundle bundle = catalog.bundle(locale).orElseThrow();
    Bundle source = catalog.source();
    List<Finding> problems = new ArrayList<>();
    Map<String, String> changes = new LinkedHashMap<>();
    Set<String> accepted = new LinkedHashSet<>();
    Set<String> known = Set.copyOf(XliffExport.keys(source, bundle));
    for (Unit unit : units) {
      String key = unit.getId();
      int line = lineOf(text, key);
      if (!known.contains(key)) {
        problems.add(
            Finding.error(key, "no such key in " + source.file().getFileName())
                .at(where, line)
                .withFix("delete the unit; keys are fixed by the source"));
        continue;
      }
      List<String> unitProblems = new ArrayList<>();
      Optional<String> incoming = message(unit, key, source, bundle.pattern(key), unitProblems);
      unitProblems.forEach(
          p ->
              problems.add(
                  Finding.error(key, p)
                      .at(where, line)
                      .withFix("keep every code (<ph/>) of the source and fill in every segment")));
      if (incoming.isEmpty() || !unitProblems.isEmpty()) {
        continue;
      }
      if (!incoming.get().equals(bundle.pattern(key).orElse(null))) {
        changes.put(key, incoming.get());
      }
      boolean done = true;
      for (Segment s : unit.getSegments()) {
        done &= s.getState() != TargetState.INITIAL;
      }
      if (done) {
        accepted.add(key);
      }
    }
    problems.addAll(check(bundle, source, changes, where, text));
    return new Plan(locale, changes, accepted, problems);
  }

  /**
   * The bundle's text with a clean plan's changes made (key order and comments kept), without
   * writing it: what the web service checks, previews and saves.
   */
  public static String bundleText(Catalog catalog, Plan plan) throws IOException {
    if (!plan.clean()) {
      throw new IllegalArgumentException("plan has errors; nothing may change");
    }
    Bundle bundle = catalog.bundle(plan.locale()).orElseThrow();
    String text = Files.readString(bundle.file(), StandardCharsets.UTF_8);
    return plan.changes().isEmpty()
        ? text
        : updated(text, bundle, catalog.source(), plan.changes());
  }

  /** Applies a clean plan: the bundle's changed lines, then the basis. */
  public static void apply(Catalog catalog, Plan plan) throws IOException, FindingsException {
    if (!plan.clean()) {
      throw new IllegalArgumentException("plan has errors; nothing may change");
    }
    Bundle bundle = catalog.bundle(plan.locale()).orElseThrow();
    if (!plan.changes().isEmpty()) {
      AtomicFile.write(bundle.file(), bundleText(catalog, plan).getBytes(StandardCharsets.UTF_8));
      bundle = Bundle.load(bundle.file());
    }
    Set<String> toRecord = basisToRecord(catalog, plan);
    if (!toRecord.isEmpty()) {
      SourceBasis.accept(bundle, catalog.source(), toRecord);
    }
  }

  /**
   * The keys whose basis applying {@code plan} records: those the translator finished whose
   * recorded English is not the current English already. The web service's save records the same.
   */
  public static Set<String> basisToRecord(Catalog catalog, Plan plan) {
    Optional<SourceBasis> basis = catalog.basis(plan.locale());
    Set<String> toRecord = new LinkedHashSet<>();
    for (String key : plan.accepted()) {
      String now = SourceBasis.effectiveEnglish(catalog.source(), key).orElse(null);
      if (now != null && (basis.isEmpty() || !basis.get().english(key).orElse("").equals(now))) {
        toRecord.add(key);
      }
    }
    return toRecord;
  }

  /** The ICU message a unit's targets make, or empty when the unit has no target at all. */
  private static Optional<String> message(
      Unit unit, String key, Bundle source, Optional<String> current, List<String> problems) {
    String english = SourceBasis.effectiveEnglish(source, key).orElseThrow();
    Map<String, String> sentences = new LinkedHashMap<>();
    boolean any = false;
    for (Segment s : unit.getSegments()) {
      Fragment target = s.hasTarget() ? s.getTarget() : null;
      if (target == null || target.isEmpty()) {
        sentences.put(s.getId(), null);
        continue;
      }
      any = true;
      StringBuilder icu = new StringBuilder();
      for (Object o : target) {
        if (o instanceof String str) {
          icu.append(str);
        } else if (o instanceof CTag tag) {
          if (tag.getData() == null) {
            problems.add(
                "segment "
                    + s.getId()
                    + ": code "
                    + tag.getId()
                    + " has no original data "
                    + "(a code the source does not have)");
          } else {
            icu.append(tag.getData());
          }
        } else {
          problems.add("segment " + s.getId() + ": annotations are not supported");
        }
      }
      sentences.put(s.getId(), icu.toString());
    }
    if (!any) {
      return Optional.empty();
    }
    Optional<IcuSegments.Choice> choice = IcuSegments.choice(english);
    boolean branched =
        unit.getSegmentCount() > 0 && unit.getSegment(0).getId().startsWith(XliffExport.BRANCH);
    if (choice.isPresent() && branched) {
      Map<String, String> bySelector = new LinkedHashMap<>();
      sentences.forEach(
          (id, sentence) -> {
            String selector = id.substring(XliffExport.BRANCH.length()).replace("exact", "=");
            if (sentence == null) {
              problems.add("the " + selector + " form (segment " + id + ") is empty");
            } else {
              bySelector.put(selector, sentence);
            }
          });
      if (!problems.isEmpty()) {
        return Optional.empty();
      }
      // Unchanged sentences keep the translator's own wording of the ICU message.
      Optional<IcuSegments.Choice> now = current.flatMap(IcuSegments::choice);
      if (now.isPresent()
          && now.get().branches().keySet().equals(bySelector.keySet())
          && bySelector.entrySet().stream()
              .allMatch(e -> now.get().sentence(e.getKey()).equals(e.getValue()))) {
        return current;
      }
      return Optional.of(
          IcuSegments.recombine(choice.get().name(), choice.get().kind(), bySelector));
    }
    if (sentences.size() != 1 || sentences.values().iterator().next() == null) {
      problems.add("expected one translated segment, found " + sentences.size());
      return Optional.empty();
    }
    return Optional.of(sentences.values().iterator().next());
  }

  /** Every check on the bundle as it would be; errors of the changed keys block the import. */
  private static List<Finding> check(
      Bundle bundle, Bundle source, Map<String, String> changes, String where, String text) {
    if (changes.isEmpty()) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>();
    Path dir = null;
    try {
      dir = Files.createTempDirectory("np-import");
      Path candidate = dir.resolve(bundle.file().getFileName());
      String original = Files.readString(bundle.file(), StandardCharsets.UTF_8);
      List<Finding> found = new ArrayList<>();
      Map<String, String> parsing = new LinkedHashMap<>(changes);
      // Messages ICU cannot parse are reported, and the rest still get every other check.
      for (int attempt = 0; attempt < 2; attempt++) {
        Files.writeString(
            candidate, updated(original, bundle, source, parsing), StandardCharsets.UTF_8);
        try {
          Bundle next = Bundle.load(candidate);
          found.addAll(BundleLint.check(next, source));
          found.addAll(TranslationChecks.against(source).check(next));
          break;
        } catch (FindingsException e) {
          found.addAll(e.findings());
          e.findings().forEach(f -> parsing.remove(f.code()));
        }
      }
      for (Finding f : found) {
        if (changes.containsKey(f.code())) {
          out.add(
              new Finding(
                  f.severity(), where, lineOf(text, f.code()), f.code(), f.message(), f.fix()));
        }
      }
    } catch (IOException e) {
      out.add(Finding.error("io", "cannot check the import: " + e.getMessage()).at(where, 0));
    } finally {
      FileTree.deleteQuietly(dir);
    }
    return out;
  }

  /**
   * The bundle's text with {@code changes}: a changed key's line (and its continuation lines) is
   * replaced; a new key goes after the nearest key before it in the source's order.
   */
  static String updated(String text, Bundle bundle, Bundle source, Map<String, String> changes) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    List<String> order = List.copyOf(source.keys());
    List<Edit> edits = new ArrayList<>();
    List<String> appended = new ArrayList<>();
    for (Map.Entry<String, String> c : changes.entrySet()) {
      String line = PropertiesWriter.line(c.getKey(), c.getValue());
      int own = bundle.lineOf(c.getKey());
      int after = own > 0 ? own : predecessorLine(c.getKey(), order, bundle);
      if (after == 0) {
        appended.add(line);
      } else {
        edits.add(new Edit(after, own == 0, order.indexOf(c.getKey()), line));
      }
    }
    // Bottom up, so the line numbers of what is still to do stay right. At one line the key's own
    // line is replaced first, then the new keys that follow it go in, last first, so that they end
    // up in the source's order.
    edits.sort(
        Comparator.comparingInt(Edit::line)
            .reversed()
            .thenComparing(Edit::addition)
            .thenComparing(Comparator.comparingInt(Edit::rank).reversed()));
    for (Edit e : edits) {
      int start = e.line() - 1;
      int end = start;
      while (end < lines.size() - 1 && continues(lines.get(end))) {
        end++;
      }
      if (e.addition()) {
        lines.add(end + 1, e.text());
      } else {
        lines.subList(start + 1, end + 1).clear();
        lines.set(start, e.text());
      }
    }
    // Keys with no translated key before them go last, before the final line break.
    int end =
        !lines.isEmpty() && lines.get(lines.size() - 1).isEmpty() ? lines.size() - 1 : lines.size();
    lines.addAll(end, appended);
    return String.join("\n", lines);
  }

  /** One line to replace, or to add after {@code line}; {@code rank} is the source's order. */
  private record Edit(int line, boolean addition, int rank, String text) {}

  /** The bundle's line of the nearest key before {@code key} in the source's order, or 0. */
  private static int predecessorLine(String key, List<String> order, Bundle bundle) {
    int after = 0;
    for (String k : order) {
      if (k.equals(key)) {
        break;
      }
      if (bundle.lineOf(k) > 0) {
        after = bundle.lineOf(k);
      }
    }
    return after;
  }

  private static boolean continues(String line) {
    int n = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }

  private static int lineOf(String text, String key) {
    int at = text.indexOf("<unit id=\"" + key + "\"");
    if (at < 0) {
      return 0;
    }
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static Plan failed(String locale, Finding f) {
    return new Plan(locale, Map.of(), Set.of(), List.of(f));
  }
}
