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
 * What each page shows, as ordered maps: the page templates read them and the JSON endpoints return
 * them unchanged, so the two never disagree.
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

  Map<String, Object> dashboard(Pipeline pipeline, Optional<User> user) {
    Map<String, Manifest.Entry> manifest = manifest();
    Map<String, Integer> untranslated = untranslated(pipeline);
    List<String> variants = List.copyOf(pipeline.assembler().variants().keySet());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String locale : pipeline.catalog().locales()) {
      Bundle bundle = pipeline.catalog().bundle(locale).orElseThrow();
      List<Map<String, Object>> cells = new ArrayList<>();
      for (String variant : variants) {
        cells.add(cell(pipeline, new NoticeId(variant, locale), manifest));
      }
      rows.add(
          Views.map(
              "locale",
              locale,
              "name",
              NoticeServer.nativeName(locale),
              "dir",
              rightToLeft(locale) ? "rtl" : "ltr",
              "review",
              bundle.generated() ? "generated" : bundle.status().name().toLowerCase(Locale.ROOT),
              "untranslated",
              untranslated.getOrDefault(locale, 0),
              "stale",
              bundle.generated() ? 0 : pipeline.catalog().stale(locale).size(),
              "editable",
              !bundle.generated() && user.map(u -> u.mayEdit(locale)).orElse(false),
              "cells",
              cells));
    }
    List<Map<String, Object>> facts =
        pipeline.profile().missingFacts().stream()
            .map(project::relative)
            .map(Models::finding)
            .toList();
    return Views.map(
        "variants",
        variants,
        "locales",
        rows,
        "openFacts",
        facts,
        "organisation",
        pipeline.profile().name());
  }

  private Map<String, Object> cell(
      Pipeline pipeline, NoticeId id, Map<String, Manifest.Entry> manifest) {
    Layout layout = Layout.DEFAULT;
    String current = pipeline.sourceHash(id, layout).hex();
    Optional<Publication> verified = renders.cached(key(pipeline, id, layout));
    Map<String, Object> published = published(id, layout, manifest, current);
    String verdict = verified.map(p -> p.publishable() ? "passes" : "fails").orElse("not checked");
    String first =
        verified
            .filter(p -> !p.publishable())
            .map(p -> project.relative(p.verdict().errors().get(0)).toString())
            .orElse(null);
    return Views.map(
        "variant",
        id.variant(),
        "locale",
        id.locale(),
        "href",
        "/notices/" + id.variant() + "/" + id.locale(),
        "verdict",
        verdict,
        "firstFinding",
        first,
        "published",
        published);
  }

  /** The manifest's entry for a notice's PDF, with "changed" comparing its sources to now. */
  private @Nullable Map<String, Object> published(
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
    return Views.map(
        "href",
        "/output/" + rel,
        "date",
        date,
        "pages",
        e.pages(),
        "review",
        e.review(),
        "changed",
        changed);
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

  Map<String, Object> notice(Pipeline pipeline, NoticeId id, Layout layout) {
    Publication p = produce(pipeline, id, layout);
    String base = "/notices/" + id.variant() + "/" + id.locale();
    String query = layout.equals(Layout.DEFAULT) ? "" : "?layout=" + layout.label();
    Map<String, Object> m =
        Views.map(
            "variant",
            id.variant(),
            "locale",
            id.locale(),
            "name",
            NoticeServer.nativeName(id.locale()),
            "layout",
            layout.label(),
            "title",
            p.notice().map(n -> n.title()).orElse(id.toString()),
            "lang",
            id.locale(),
            "dir",
            rightToLeft(id.locale()) ? "rtl" : "ltr",
            "publishable",
            p.publishable(),
            "pages",
            p.pdf().map(pdf -> pdf.pages()).orElse(null),
            "bytes",
            p.pdf().map(pdf -> pdf.bytes().length).orElse(null),
            "draft",
            p.notice().map(n -> n.draft()).orElse(null),
            "untranslated",
            p.notice().map(n -> n.fallbacks().size()).orElse(0),
            "checks",
            p.verdict().checks(),
            "errors",
            p.verdict().errors().size(),
            "findings",
            p.findings().stream().map(project::relative).map(Models::finding).toList(),
            "readability",
            p.reading()
                .map(
                    r ->
                        Views.map(
                            "readingEase",
                            Math.round(r.readingEase() * 10) / 10.0,
                            "wordsPerSentence",
                            Math.round(r.wordsPerSentence() * 10) / 10.0,
                            "words",
                            r.words(),
                            "sentences",
                            r.sentences()))
                .orElse(null),
            "links",
            Views.map(
                "pdf",
                base + ".pdf" + query,
                "download",
                base + ".pdf" + (query.isEmpty() ? "?download=1" : query + "&download=1"),
                "html",
                base + ".html" + query,
                "json",
                base + ".json" + query),
            "published",
            published(id, layout, manifest(), pipeline.sourceHash(id, layout).hex()),
            "versioned",
            store.versioned(),
            "history",
            store.history(project.files(id), 20).stream()
                .map(
                    c ->
                        Views.map(
                            "id",
                            c.id(),
                            "author",
                            c.author(),
                            "date",
                            DATE.format(c.when()),
                            "message",
                            c.message()))
                .toList(),
            "milliseconds",
            Views.map(
                "assemble",
                p.timings().assemble().toMillis(),
                "render",
                p.timings().render().toMillis(),
                "verify",
                p.timings().verify().toMillis()));
    return m;
  }

  // --- translators ---

  Map<String, Object> translateIndex(Pipeline pipeline, Optional<User> user) {
    List<Map<String, Object>> locales = new ArrayList<>();
    for (String locale : pipeline.catalog().locales()) {
      Bundle b = pipeline.catalog().bundle(locale).orElseThrow();
      if (!b.generated()) {
        locales.add(
            Views.map(
                "locale",
                locale,
                "name",
                NoticeServer.nativeName(locale),
                "dir",
                rightToLeft(locale) ? "rtl" : "ltr",
                "review",
                b.status().name().toLowerCase(Locale.ROOT),
                "editable",
                user.map(u -> u.mayEdit(locale)).orElse(false)));
      }
    }
    return Views.map("locales", locales);
  }

  Map<String, Object> workspace(Pipeline pipeline, String locale, Optional<User> user) {
    Bundle b = pipeline.catalog().bundle(locale).orElseThrow();
    String text;
    try {
      text = Files.readString(b.file(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      text = "";
    }
    Map<String, Object> m =
        Views.map(
            "locale",
            locale,
            "name",
            NoticeServer.nativeName(locale),
            "dir",
            rightToLeft(locale) ? "rtl" : "ltr",
            "review",
            b.status().name().toLowerCase(Locale.ROOT),
            "mayEdit",
            user.map(u -> u.mayEdit(locale)).orElse(false),
            "mayReview",
            user.map(User::isEditor).orElse(false),
            "versioned",
            store.versioned(),
            "text",
            text,
            "checked",
            false,
            "findings",
            List.of(),
            "previews",
            List.of(),
            "message",
            null);
    return m;
  }

  static Map<String, Object> checked(BundleCheck.Result r) {
    return Views.map(
        "checked",
        true,
        "text",
        r.text(),
        "saveable",
        r.saveable(),
        "errors",
        r.findings().stream().filter(Finding::isError).count(),
        "findings",
        r.findings().stream().map(Models::finding).toList(),
        "previews",
        r.previews().stream()
            .map(p -> Views.map("variant", p.variant(), "title", p.title(), "html", p.html()))
            .toList());
  }

  // --- editors and schools ---

  Map<String, Object> publishForm(Pipeline pipeline, Optional<User> user) {
    List<Map<String, Object>> notices = new ArrayList<>();
    for (NoticeId id : pipeline.matrix(List.of(), List.of())) {
      notices.add(
          Views.map(
              "value",
              id.toString(),
              "variant",
              id.variant(),
              "locale",
              id.locale(),
              "name",
              NoticeServer.nativeName(id.locale())));
    }
    return Views.map("notices", notices, "mayPublish", user.map(User::isEditor).orElse(false));
  }

  Map<String, Object> printForm(Pipeline pipeline) {
    List<Map<String, Object>> locales = new ArrayList<>();
    for (String locale : pipeline.catalog().locales()) {
      if (!Catalog.isPseudoLocale(locale)) {
        locales.add(
            Views.map(
                "locale",
                locale,
                "name",
                NoticeServer.nativeName(locale),
                "dir",
                rightToLeft(locale) ? "rtl" : "ltr"));
      }
    }
    return Views.map(
        "locales",
        locales,
        "layouts",
        List.of(
            Views.map("value", "a4", "label", "A4"),
            Views.map("value", "a5", "label", "A5 (booklet size)"),
            Views.map("value", "a4-large-print", "label", "A4 large print (16 pt text)")));
  }

  static Map<String, Object> finding(Finding f) {
    return Views.map(
        "severity",
        f.severity().label(),
        "source",
        f.source(),
        "line",
        f.line(),
        "code",
        f.code(),
        "message",
        f.message(),
        "fix",
        f.fix(),
        "where",
        f.source() + (f.line() > 0 ? ":" + f.line() : ""));
  }

  static boolean rightToLeft(String locale) {
    return com.ibm.icu.util.ULocale.addLikelySubtags(
            com.ibm.icu.util.ULocale.forLanguageTag(locale))
        .isRightToLeft();
  }
}
