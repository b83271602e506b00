package org.noticepublisher.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.catalog.Bundle;
import org.noticepublisher.catalog.BundleLint;
import org.noticepublisher.catalog.Catalog;
import org.noticepublisher.pipeline.Pipeline;
import org.noticepublisher.pipeline.Publication;
import org.noticepublisher.publish.Manifest;
import org.noticepublisher.publish.Publisher;

/**
 * What each page shows, as records: the page templates read them and the JSON endpoints return them
 * unchanged (through {@link org.noticepublisher.Json}), so the two never disagree.
 */
final class Models {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

  private final Project project;
  private final Renders renders;
  private final SourceStore store;
  private final Path output;
  private volatile Map.@Nullable Entry<Pipeline, Map<String, Integer>> untranslated;

  Models(Project project, Renders renders, SourceStore store, Path output) {
    this.project = project;
    this.renders = renders;
    this.store = store;
    this.output = output;
  }

  Publication produce(Pipeline pipeline, NoticeId id, Layout layout) {
    return renders.get(pipeline, key(pipeline, id, layout));
  }

  /** The cache key: a notice is remade only when something it reads changed. */
  static Renders.Key key(Pipeline pipeline, NoticeId id, Layout layout) {
    return new Renders.Key(id, layout, pipeline.sourceHash(id, layout).hex());
  }

  // --- dashboard ---

  /** Untranslated messages per locale, counted once per opened pipeline (sources unchanged). */
  private Map<String, Integer> untranslated(Pipeline pipeline) {
    Map.Entry<Pipeline, Map<String, Integer>> last = untranslated;
    if (last != null && last.getKey() == pipeline) {
      return last.getValue();
    }
    Map<String, Integer> counts = new HashMap<>();
    for (Finding f : BundleLint.check(pipeline.catalog())) {
      if (f.message().startsWith("not translated")) {
        counts.merge(
            Path.of(f.source()).getFileName().toString().replace(".properties", ""),
            1,
            Integer::sum);
      }
    }
    untranslated = Map.entry(pipeline, Map.copyOf(counts));
    return counts;
  }

  Dashboard dashboard(Pipeline pipeline, Optional<User> user) {
    Map<String, Manifest.Entry> manifest = manifest();
    Map<String, Integer> untranslated = untranslated(pipeline);
    List<String> variants = List.copyOf(pipeline.assembler().variants().keySet());
    List<Dashboard.Row> rows = new ArrayList<>();
    for (String locale : pipeline.catalog().locales()) {
      Bundle bundle = pipeline.catalog().bundle(locale).orElseThrow();
      List<Dashboard.Cell> cells = new ArrayList<>();
      for (String variant : variants) {
        cells.add(cell(pipeline, new NoticeId(variant, locale), manifest));
      }
      rows.add(
          new Dashboard.Row(
              locale,
              NoticeServer.nativeName(locale),
              direction(locale),
              bundle.generated() ? "generated" : review(bundle),
              untranslated.getOrDefault(locale, 0),
              bundle.generated() ? 0 : pipeline.catalog().stale(locale).size(),
              !bundle.generated() && user.map(u -> u.mayEdit(locale)).orElse(false),
              cells));
    }
    List<FindingView> facts =
        pipeline.profile().missingFacts().stream()
            .map(project::relative)
            .map(FindingView::of)
            .toList();
    return new Dashboard(variants, rows, facts, pipeline.profile().name());
  }

  private Dashboard.Cell cell(
      Pipeline pipeline, NoticeId id, Map<String, Manifest.Entry> manifest) {
    Layout layout = Layout.DEFAULT;
    String current = pipeline.sourceHash(id, layout).hex();
    Optional<Publication> verified = renders.cached(key(pipeline, id, layout));
    String verdict = verified.map(p -> p.publishable() ? "passes" : "fails").orElse("not checked");
    String first =
        verified
            .filter(p -> !p.publishable())
            .map(p -> project.relative(p.verdict().errors().get(0)).toString())
            .orElse(null);
    return new Dashboard.Cell(
        id.variant(),
        id.locale(),
        "/notices/" + id.variant() + "/" + id.locale(),
        verdict,
        first,
        published(id, layout, manifest, current));
  }

  /** The manifest's entry for a notice's PDF, with "changed" comparing its sources to now. */
  private @Nullable Published published(
      NoticeId id, Layout layout, Map<String, Manifest.Entry> manifest, String current) {
    Manifest.Entry e = manifest.get(id + "/" + layout.label() + "/" + layout.standard().id());
    if (e == null) {
      return null;
    }
    String rel = e.path();
    String date;
    try {
      date = DATE.format(Files.getLastModifiedTime(output.resolve(rel)).toInstant());
    } catch (IOException ex) {
      date = "";
    }
    String sources = e.sources();
    String changed = sources.isEmpty() ? "unknown" : sources.equals(current) ? "no" : "yes";
    return new Published("/output/" + rel, date, e.pages(), e.review(), changed);
  }

  /**
   * The published PDFs by {@code variant/locale/layout/standard}, read from the manifest's own
   * fields.
   */
  private Map<String, Manifest.Entry> manifest() {
    Map<String, Manifest.Entry> entries = new HashMap<>();
    Path file = output.resolve(Publisher.MANIFEST);
    if (Files.isRegularFile(file)) {
      try {
        for (Manifest.Entry e : Manifest.read(Files.readAllBytes(file), output).files()) {
          if (e.type().equals("application/pdf")) {
            entries.put(e.variant() + "/" + e.locale() + "/" + e.layout() + "/" + e.standard(), e);
          }
        }
      } catch (IOException | FindingsException e) {
        // An unreadable manifest shows as "not published"; publishing rewrites it.
      }
    }
    return entries;
  }

  // --- one notice ---

  NoticeReport notice(Pipeline pipeline, NoticeId id, Layout layout) {
    Publication p = produce(pipeline, id, layout);
    String base = "/notices/" + id.variant() + "/" + id.locale();
    String query = layout.equals(Layout.DEFAULT) ? "" : "?layout=" + layout.label();
    return new NoticeReport(
        id.variant(),
        id.locale(),
        NoticeServer.nativeName(id.locale()),
        layout.label(),
        p.notice().map(n -> n.title()).orElse(id.toString()),
        id.locale(),
        direction(id.locale()),
        p.publishable(),
        p.pdf().map(pdf -> pdf.pages()).orElse(null),
        p.pdf().map(pdf -> pdf.bytes().length).orElse(null),
        p.notice().map(n -> n.draft()).orElse(null),
        p.notice().map(n -> n.fallbacks().size()).orElse(0),
        p.verdict().checks(),
        p.verdict().errors().size(),
        p.findings().stream().map(project::relative).map(FindingView::of).toList(),
        p.reading()
            .map(
                r ->
                    new NoticeReport.Readability(
                        Math.round(r.readingEase() * 10) / 10.0,
                        Math.round(r.wordsPerSentence() * 10) / 10.0,
                        r.words(),
                        r.sentences()))
            .orElse(null),
        new NoticeReport.Links(
            base + ".pdf" + query,
            base + ".pdf" + (query.isEmpty() ? "?download=1" : query + "&download=1"),
            base + ".html" + query,
            base + ".json" + query),
        published(id, layout, manifest(), pipeline.sourceHash(id, layout).hex()),
        store.versioned(),
        store.history(project.files(id), 20).stream()
            .map(
                c ->
                    new NoticeReport.Change(c.id(), c.author(), DATE.format(c.when()), c.message()))
            .toList(),
        new NoticeReport.Milliseconds(
            p.timings().assemble().toMillis(),
            p.timings().render().toMillis(),
            p.timings().verify().toMillis()));
  }

  // --- translators ---

  TranslateIndex translateIndex(Pipeline pipeline, Optional<User> user) {
    List<TranslateIndex.Entry> locales = new ArrayList<>();
    for (String locale : pipeline.catalog().locales()) {
      Bundle b = pipeline.catalog().bundle(locale).orElseThrow();
      if (!b.generated()) {
        locales.add(
            new TranslateIndex.Entry(
                locale,
                NoticeServer.nativeName(locale),
                direction(locale),
                review(b),
                user.map(u -> u.mayEdit(locale)).orElse(false)));
      }
    }
    return new TranslateIndex(locales);
  }

  Workspace workspace(Pipeline pipeline, String locale, Optional<User> user) {
    Bundle b = pipeline.catalog().bundle(locale).orElseThrow();
    String text;
    try {
      text = Files.readString(b.file(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      text = "";
    }
    return new Workspace(
        locale,
        NoticeServer.nativeName(locale),
        direction(locale),
        review(b),
        user.map(u -> u.mayEdit(locale)).orElse(false),
        user.map(User::isEditor).orElse(false),
        store.versioned(),
        text,
        null,
        null);
  }

  // --- editors and schools ---

  PublishForm publishForm(Pipeline pipeline, Optional<User> user) {
    List<PublishForm.Choice> notices = new ArrayList<>();
    for (NoticeId id : pipeline.matrix(List.of(), List.of())) {
      notices.add(
          new PublishForm.Choice(
              id.toString(), id.variant(), id.locale(), NoticeServer.nativeName(id.locale())));
    }
    return new PublishForm(notices, user.map(User::isEditor).orElse(false));
  }

  PrintForm printForm(Pipeline pipeline) {
    List<PrintForm.Language> locales = new ArrayList<>();
    for (String locale : pipeline.catalog().locales()) {
      if (!Catalog.isPseudoLocale(locale)) {
        locales.add(
            new PrintForm.Language(locale, NoticeServer.nativeName(locale), direction(locale)));
      }
    }
    return new PrintForm(locales, PrintForm.PAPERS);
  }

  private static String review(Bundle b) {
    return b.status().name().toLowerCase(Locale.ROOT);
  }

  /** The value of an HTML {@code dir} attribute for text in {@code locale}. */
  static String direction(String locale) {
    return rightToLeft(locale) ? "rtl" : "ltr";
  }

  static boolean rightToLeft(String locale) {
    return com.ibm.icu.util.ULocale.addLikelySubtags(
            com.ibm.icu.util.ULocale.forLanguageTag(locale))
        .isRightToLeft();
  }
}
