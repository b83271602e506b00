package org.noticepublisher.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jspecify.annotations.Nullable;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.assemble.LegalCoverage;
import org.noticepublisher.assemble.Notice;
import org.noticepublisher.assemble.NoticeAssembler;
import org.noticepublisher.assemble.TemplateLint;
import org.noticepublisher.assemble.Variant;
import org.noticepublisher.catalog.Bundle;
import org.noticepublisher.catalog.BundleLint;
import org.noticepublisher.catalog.Catalog;
import org.noticepublisher.catalog.OrganisationProfile;
import org.noticepublisher.render.PdfRenderer;
import org.noticepublisher.render.RenderedPdf;
import org.noticepublisher.sources.NoticeSources;
import org.noticepublisher.sources.SourceHash;
import org.noticepublisher.verify.LinkTargets;
import org.noticepublisher.verify.PageBounds;
import org.noticepublisher.verify.PdfText;
import org.noticepublisher.verify.PdfValidator;
import org.noticepublisher.verify.PseudoLocaleCheck;
import org.noticepublisher.verify.ReadingLevel;
import org.noticepublisher.verify.ReadingOrder;
import org.noticepublisher.verify.TextFidelity;
import org.noticepublisher.verify.Verdict;

/**
 * The publishing pipeline: catalog → assemble → render → verify, for one notice at a time. The CLI
 * and the web service are thin front ends over this class. It writes nothing; publishing is the
 * caller's.
 */
public final class Pipeline {
  private final Path project;
  private final Catalog catalog;
  private final OrganisationProfile profile;
  private final NoticeAssembler assembler;
  private final PdfRenderer renderer;
  private final Map<Layout.Standard, PdfValidator> validators =
      new EnumMap<>(Layout.Standard.class);
  private final List<Finding> templateProblems;
  private final LegalCoverage legal;
  private final NoticeSources sources;
  private final List<Finding> profileWarnings;

  /**
   * Lint errors per locale's own bundle: render refuses what lint refuses. Each bundle is linted
   * when a notice first reads it, so a run for one locale lints only the bundles it reads.
   */
  private final Map<String, List<Finding>> bundleErrors = new ConcurrentHashMap<>();

  private Pipeline(
      Path project,
      Catalog catalog,
      OrganisationProfile profile,
      NoticeAssembler assembler,
      PdfRenderer renderer,
      List<Finding> templateProblems,
      LegalCoverage legal,
      NoticeSources sources,
      List<Finding> profileWarnings) {
    this.project = project;
    this.catalog = catalog;
    this.profile = profile;
    this.assembler = assembler;
    this.renderer = renderer;
    for (Layout.Standard s : Layout.Standard.values()) {
      validators.put(s, PdfValidator.publishingStandards(s));
    }
    this.templateProblems = templateProblems;
    this.legal = legal;
    this.sources = sources;
    this.profileWarnings = List.copyOf(profileWarnings);
  }

  /**
   * Opens the project at {@code root}: {@code locales/} and {@code templates/} (with {@code
   * organisation.properties} in it). Broken sources are reported all at once.
   */
  public static Pipeline open(Path root) throws FindingsException {
    Objects.requireNonNull(root, "root");
    Path templates = root.resolve("templates");
    if (!Files.isDirectory(templates)) {
      throw new FindingsException(
          Finding.error("project", "no templates directory")
              .at(templates.toString(), 0)
              .withFix(
                  "run from the project folder (the one with locales/ and templates/) or pass "
                      + "--project"));
    }
    // Scanned before anything is loaded: an edit made while loading gives a new hash next time.
    NoticeSources sources = NoticeSources.scan(root);
    List<Finding> problems = new ArrayList<>();
    Catalog catalog = null;
    OrganisationProfile profile = null;
    try {
      catalog = Catalog.load(root.resolve("locales"));
    } catch (FindingsException e) {
      problems.addAll(e.findings());
    }
    List<Finding> profileWarnings = new ArrayList<>();
    try {
      profile = OrganisationProfile.load(templates.resolve("organisation.properties"));
      if (catalog != null) {
        for (Finding f : profile.check(catalog.source())) {
          (f.isError() ? problems : profileWarnings).add(f);
        }
      }
    } catch (FindingsException e) {
      problems.addAll(e.findings());
    }
    PdfRenderer renderer = PdfRenderer.create();
    List<Finding> lint = TemplateLint.check(templates, renderer.fontFamilies());
    problems.addAll(lint.stream().filter(Finding::isError).toList());
    LegalCoverage legal = null;
    try {
      legal = LegalCoverage.load(templates.resolve("article-13.properties"));
    } catch (FindingsException e) {
      problems.addAll(e.findings());
    }
    NoticeAssembler assembler = null;
    if (problems.isEmpty()) {
      try {
        // Both loaded: a failure to load either is a problem.
        assembler =
            NoticeAssembler.create(
                templates, Objects.requireNonNull(catalog), Objects.requireNonNull(profile));
      } catch (FindingsException e) {
        problems.addAll(e.findings());
      }
    }
    if (!problems.isEmpty()) {
      throw new FindingsException(problems);
    }
    // Everything loaded: a part that failed to load is a problem.
    return new Pipeline(
        root,
        Objects.requireNonNull(catalog),
        Objects.requireNonNull(profile),
        Objects.requireNonNull(assembler),
        renderer,
        lint,
        Objects.requireNonNull(legal),
        sources,
        profileWarnings);
  }

  public Path project() {
    return project;
  }

  public Catalog catalog() {
    return catalog;
  }

  public OrganisationProfile profile() {
    return profile;
  }

  public NoticeAssembler assembler() {
    return assembler;
  }

  public LegalCoverage legalCoverage() {
    return legal;
  }

  /** The hash of what {@code id} is made from, as the sources were when this pipeline opened. */
  public SourceHash sourceHash(NoticeId id, Layout layout) {
    return sources.hash(id, layout);
  }

  /** Problems that do not stop publication but must be seen: unknown facts, template warnings. */
  public List<Finding> warnings() {
    List<Finding> warnings = new ArrayList<>(profile.missingFacts());
    warnings.addAll(profileWarnings);
    templateProblems.stream().filter(f -> !f.isError()).forEach(warnings::add);
    return warnings;
  }

  /**
   * Every variant × locale, variants first; empty lists mean all. Unknown names are usage errors.
   */
  public List<NoticeId> matrix(List<String> variants, List<String> locales) {
    List<String> vs = variants.isEmpty() ? List.copyOf(assembler.variants().keySet()) : variants;
    List<String> ls = locales.isEmpty() ? catalog.locales() : locales;
    for (String v : vs) {
      if (!assembler.variants().containsKey(v)) {
        throw new IllegalArgumentException(
            "unknown variant '" + v + "'; known: " + assembler.variants().keySet());
      }
    }
    for (String l : ls) {
      if (catalog.bundle(l).isEmpty()) {
        throw new IllegalArgumentException(
            "unknown locale '" + l + "'; known: " + catalog.locales());
      }
    }
    List<NoticeId> ids = new ArrayList<>();
    for (String v : vs) {
      for (String l : ls) {
        ids.add(new NoticeId(v, l));
      }
    }
    return ids;
  }

  /**
   * Takes one notice through every stage; never throws for bad content, the verdict says. Every
   * finding names a file a user can open: the source it comes from when that is known, else the
   * notice's PDF or HTML twin by the path it has (or would have had) in the output folder.
   */
  public Publication produce(NoticeId id, Layout layout) {
    String pdfFile = layout.pdfFile(id);
    String htmlFile = layout.htmlFile(id);
    Optional<ReadingLevel.Figures> reading = Optional.empty();
    long t0 = System.nanoTime();
    Notice notice;
    List<Finding> findings = new ArrayList<>();
    List<Finding> lint = lintErrors(id.locale());
    if (!lint.isEmpty()) {
      return failed(id, layout, null, lint, t0, System.nanoTime(), System.nanoTime());
    }
    try {
      notice = assembler.assemble(id, layout);
      // Known: assemble refuses an unknown variant.
      Variant variant = Objects.requireNonNull(assembler.variants().get(id.variant()));
      findings.addAll(legal.check(variant));
      findings.addAll(notice.warnings());
      if (Catalog.isPseudoLocale(id.locale())) {
        findings.addAll(PseudoLocaleCheck.check(notice, htmlFile));
      }
      if (Catalog.isEnglish(id.locale()) && !Catalog.isPseudoLocale(id.locale())) {
        ReadingLevel.Figures figures = ReadingLevel.measure(notice.texts());
        reading = Optional.of(figures);
        findings.addAll(ReadingLevel.check(figures, variant.readability(), htmlFile));
      }
    } catch (FindingsException e) {
      return failed(id, layout, null, e.findings(), t0, System.nanoTime(), System.nanoTime());
    }
    long t1 = System.nanoTime();
    RenderedPdf pdf;
    SourceText origin = new SourceText(catalog.fallbackChain(id.locale()), profile);
    List<Integer> uncovered = renderer.uncovered(notice);
    if (!uncovered.isEmpty()) {
      uncovered.stream()
          .limit(10)
          .forEach(cp -> findings.add(origin.uncoveredGlyph(cp, id, pdfFile)));
      return failed(id, layout, notice, findings, t0, t1, System.nanoTime());
    }
    try {
      pdf = renderer.render(notice, profile.published(), layout.standard());
    } catch (FindingsException e) {
      // The renderer knows no file names: what it found is in the PDF it was making.
      e.findings().forEach(f -> findings.add(f.source().isEmpty() ? f.at(pdfFile, 0) : f));
      return failed(id, layout, notice, findings, t0, t1, System.nanoTime());
    }
    long t2 = System.nanoTime();
    // veraPDF and our own checks read the PDF independently: on two threads, a notice waits for the
    // longer of the two, not their sum.
    PdfValidator.Running verapdf = validator(layout.standard()).validateAsync(pdf.bytes(), pdfFile);
    List<Finding> own = ownChecks(pdf, notice, id, origin, pdfFile);
    findings.addAll(verapdf.findings());
    findings.addAll(own);
    long t3 = System.nanoTime();
    return new Publication(
        id,
        layout,
        Optional.of(notice),
        Optional.of(pdf),
        new Verdict(findings, checks(id, layout.standard(), reading.isPresent())),
        reading,
        timings(t0, t1, t2, t3),
        sources.hash(id, layout));
  }

  /**
   * The checks veraPDF does not make, on one load of the PDF: fonts parsed and pages read once
   * serve them all. A PDF PDFBox cannot load gets each check's own finding, as if run alone.
   */
  private static List<Finding> ownChecks(
      RenderedPdf pdf, Notice notice, NoticeId id, SourceText origin, String pdfFile) {
    try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
      PdfText text = PdfText.read(doc);
      List<Finding> findings =
          traced(TextFidelity.inspect(text, notice.texts(), pdfFile), id, origin, pdfFile);
      findings.addAll(LinkTargets.check(doc, pdfFile));
      findings.addAll(ReadingOrder.check(text, notice, pdfFile));
      return findings;
    } catch (IOException e) {
      List<Finding> findings =
          traced(TextFidelity.inspect(pdf.bytes(), notice.texts(), pdfFile), id, origin, pdfFile);
      findings.addAll(LinkTargets.check(pdf.bytes(), pdfFile));
      findings.addAll(ReadingOrder.check(pdf.bytes(), notice, pdfFile));
      return findings;
    }
  }

  /** Text fidelity's findings, then each misplaced line traced to the message it shows. */
  private static List<Finding> traced(
      TextFidelity.Report text, NoticeId id, SourceText origin, String pdfFile) {
    List<Finding> findings = new ArrayList<>(text.findings());
    for (PageBounds.OffPage off : text.offPage()) {
      findings.add(origin.offPage(off, id, pdfFile));
    }
    return findings;
  }

  /** Lint errors of every bundle the locale's messages come from. */
  private List<Finding> lintErrors(String locale) {
    List<Finding> errors = new ArrayList<>();
    for (Bundle b : catalog.fallbackChain(locale)) {
      if (!b.generated()) {
        errors.addAll(
            bundleErrors.computeIfAbsent(
                b.locale(),
                own -> BundleLint.content(catalog, b).stream().filter(Finding::isError).toList()));
      }
    }
    return errors;
  }

  /** One for every standard, made when the pipeline opened. */
  private PdfValidator validator(Layout.Standard standard) {
    return Objects.requireNonNull(validators.get(standard), standard.id());
  }

  private Publication failed(
      NoticeId id,
      Layout layout,
      @Nullable Notice notice,
      List<Finding> findings,
      long t0,
      long t1,
      long t2) {
    return new Publication(
        id,
        layout,
        Optional.ofNullable(notice),
        Optional.empty(),
        new Verdict(findings, List.of()),
        Optional.empty(),
        timings(t0, t1, t2, t2),
        sources.hash(id, layout));
  }

  private List<String> checks(NoticeId id, Layout.Standard standard, boolean readability) {
    List<String> checks =
        new ArrayList<>(
            List.of(
                validator(standard).describe(),
                "bundle lint",
                "text fidelity",
                "text inside the page",
                "link targets",
                "fonts embedded",
                "UK GDPR Art. 13 coverage",
                "reading order"));
    if (readability) {
      checks.add("readability");
    }
    if (Catalog.isPseudoLocale(id.locale())) {
      checks.add("no untranslated text");
    }
    return checks;
  }

  private static Publication.Timings timings(long t0, long t1, long t2, long t3) {
    return new Publication.Timings(
        Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2));
  }
}
