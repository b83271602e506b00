package org.noticepublisher.render;

import com.ibm.icu.util.ULocale;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.bidi.support.ICUBreakers;
import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.Sha256;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.assemble.Notice;
import org.noticepublisher.assemble.TemplateLint;
import org.noticepublisher.render.internal.ArabicScriptShaper;
import org.noticepublisher.render.internal.GlyphCoverage;
import org.noticepublisher.render.internal.JdkShaper;
import org.noticepublisher.render.internal.KeepAllLineBreaker;
import org.noticepublisher.render.internal.QuietLog;
import org.noticepublisher.render.internal.ReproducibleMetadata;
import org.noticepublisher.render.internal.ShapingTextRenderer;
import org.noticepublisher.render.internal.ShippedFont;
import org.noticepublisher.render.internal.Ua2Conversion;

/**
 * Renders an assembled notice to a tagged PDF/UA-1 + PDF/A-2a file with openhtmltopdf (or, on
 * request, PDF/UA-2 + WTPDF 1.0 accessibility + PDF/A-4 on PDF 2.0), using only the fonts that ship
 * with the project and never fetching anything. Any font or glyph warning from openhtmltopdf fails
 * the render: it would otherwise drop text silently while veraPDF still passes.
 *
 * <p>Thread-safe: each render builds its own renderer; the fonts are shared read-only, and every
 * render reads and writes the shared font-metric cache (a ConcurrentHashMap in openhtmltopdf).
 */
public final class PdfRenderer {
  private final List<ShippedFont> fonts;
  private final byte[] colourProfile;
  private byte @Nullable [] fontsHash;
  private final FSCacheEx<String, FSCacheValue> fontMetrics = new FSDefaultCacheStore();
  private final GlyphCoverage coverage;

  /**
   * How deep an assembled notice's elements may nest. openhtmltopdf lays boxes out by recursion: on
   * a 1 MB stack it laid out 300 levels and ran out at 1,000, a StackOverflowError instead of a
   * finding. Each template may nest {@link TemplateLint#MAX_NESTING}; fragments add up.
   */
  public static final int MAX_DEPTH = 200;

  /** JDK shapers of the complex-script fonts, by PostScript name. */
  private final Map<String, JdkShaper> shapers;

  /** The families of those fonts. */
  private final Set<String> shapedFamilies;

  private final boolean shaping;

  private PdfRenderer(List<ShippedFont> fonts, byte[] colourProfile, boolean shaping) {
    this.fonts = fonts;
    this.shaping = shaping;
    this.shapers =
        fonts.stream()
            .filter(ShippedFont::shapedByJdk)
            .collect(
                Collectors.toUnmodifiableMap(
                    f -> JdkShaper.psName(f.bytes()), f -> JdkShaper.of(f.bytes())));
    this.shapedFamilies =
        fonts.stream()
            .filter(ShippedFont::shapedByJdk)
            .map(ShippedFont::family)
            .collect(Collectors.toUnmodifiableSet());
    this.coverage = new GlyphCoverage(fonts);
    this.colourProfile = colourProfile;
  }

  /**
   * The fonts' fingerprint, part of every document id; computed on first use (a run may render
   * nothing). Each font by file name, size and CRC-32, not a SHA-256 of its bytes: that cost a cold
   * command line 115 ms of its first render (14 MB, and no SHA intrinsic in the C1 compiler it runs
   * with), against 1 ms. The id only has to change when a font does.
   */
  private synchronized byte[] fontsHash() {
    if (fontsHash == null) {
      StringBuilder fingerprint = new StringBuilder();
      for (ShippedFont f : fonts) {
        CRC32 crc = new CRC32();
        crc.update(f.bytes());
        fingerprint
            .append(f.file())
            .append(' ')
            .append(f.bytes().length)
            .append(' ')
            .append(Long.toHexString(crc.getValue()))
            .append('\n');
      }
      fontsHash = fingerprint.toString().getBytes(StandardCharsets.UTF_8);
    }
    return fontsHash;
  }

  static {
    // openhtmltopdf would also print every diagnostic; they are collected per render instead.
    XRLog.setLoggerImpl(new QuietLog());
  }

  public static PdfRenderer create() {
    return create(true);
  }

  /**
   * A renderer that draws complex scripts character by character, unshaped, as openhtmltopdf alone
   * would: only for tests that prove the checks catch unshaped text.
   */
  public static PdfRenderer withoutComplexShaping() {
    return create(false);
  }

  private static PdfRenderer create(boolean shaping) {
    try (InputStream icc = PdfRenderer.class.getResourceAsStream("/color/sRGB.icc")) {
      if (icc == null) {
        throw new IllegalStateException(
            "colour profile missing from the class path: /color/sRGB.icc");
      }
      return new PdfRenderer(ShippedFont.loadAll(), icc.readAllBytes(), shaping);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Font families a style sheet may name. */
  public Set<String> fontFamilies() {
    Set<String> families = new LinkedHashSet<>();
    fonts.forEach(f -> families.add(f.family()));
    return families;
  }

  /**
   * Code points of the notice's text that no shipped font has a glyph for, each once, in order: the
   * renderer would draw them as nothing or as {@code #}. {@link #render} refuses such a notice; a
   * caller that knows where the text came from can check first and say where.
   */
  public List<Integer> uncovered(Notice notice) {
    return uncovered(Jsoup.parse(Objects.requireNonNull(notice, "notice").html()));
  }

  /** The deepest element's depth ({@code <html>} is 1), counted without recursing. */
  private static int depth(Document html) {
    int[] deepest = {0};
    NodeTraversor.traverse(
        (node, depth) -> {
          if (node instanceof Element && depth > deepest[0]) {
            deepest[0] = depth;
          }
        },
        html);
    return deepest[0];
  }

  private List<Integer> uncovered(Document html) {
    return coverage.uncovered(html.title() + " " + html.body().text());
  }

  /**
   * Renders {@code notice}; {@code published} becomes the PDF's creation date.
   *
   * @throws FindingsException when openhtmltopdf reports a problem (missing font, missing glyph…)
   */
  public RenderedPdf render(Notice notice, LocalDate published) throws FindingsException {
    return render(notice, published, Layout.Standard.UA1);
  }

  /**
   * Renders {@code notice} for {@code standard}; {@code published} becomes the PDF's creation date.
   *
   * @throws FindingsException when openhtmltopdf reports a problem (missing font, missing glyph…),
   *     or a PDF/UA-2 notice has a link within itself (see {@link #internalLinks}); its findings
   *     name no file, as only the caller knows where the PDF would have gone
   */
  public RenderedPdf render(Notice notice, LocalDate published, Layout.Standard standard)
      throws FindingsException {
    Objects.requireNonNull(notice, "notice");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(standard, "standard");
    Document html = Jsoup.parse(notice.html());
    int depth = depth(html);
    if (depth > MAX_DEPTH) {
      throw new FindingsException(
          Finding.error(
                  "nesting",
                  String.format(
                      Locale.ROOT,
                      "elements nest %,d deep once the templates are put together, more than the"
                          + " %d the renderer can lay out",
                      depth,
                      MAX_DEPTH))
              .withFix(
                  "flatten the templates: each fragment adds its depth to the one that includes"
                      + " it (the shipped notices nest 7 deep)"));
    }
    if (standard == Layout.Standard.UA2) {
      List<Finding> links = internalLinks(notice, html);
      if (!links.isEmpty()) {
        throw new FindingsException(links);
      }
    }
    List<Integer> uncovered = uncovered(html);
    if (!uncovered.isEmpty()) {
      throw new FindingsException(
          uncovered.stream()
              .limit(10)
              .map(
                  cp ->
                      Finding.error(
                              "glyph",
                              String.format(
                                  "no shipped font has a glyph for U+%04X '%s' (%s)",
                                  cp, Character.toString(cp), Character.getName(cp)))
                          .withFix(
                              "ship a font for this script (src/main/resources/fonts) or fix the text"))
              .toList());
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    Locale locale = Locale.forLanguageTag(notice.lang());
    PdfRendererBuilder builder =
        new PdfRendererBuilder()
            .useFastMode()
            .usePdfUaAccessibility(true)
            .usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_A)
            .useColorProfile(colourProfile)
            .useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics)
            .withProducer("Notice Publisher")
            .withDiagnosticConsumer(diagnostics::add)
            // Only data: URIs (icons embedded by the assembler): rendering never reads a file or
            // the network.
            .useExternalResourceAccessControl(
                (uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
            // ICU's UAX #14 line breaking: the JDK's breaker split "Officer’s" after the
            // apostrophe.
            .useUnicodeLineBreaker(
                KeepAllLineBreaker.wanted(locale.getLanguage())
                    ? new KeepAllLineBreaker(ULocale.forLocale(locale))
                    : new ICUBreakers.ICULineBreaker(locale))
            .useUnicodeCharacterBreaker(new ICUBreakers.ICUCharacterBreaker(locale))
            .useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory())
            .useUnicodeBidiReorderer(ArabicScriptShaper.reorderer())
            .defaultTextDirection(notice.rightToLeft() ? TextDirection.RTL : TextDirection.LTR)
            .useSVGDrawer(new BatikSVGDrawer())
            .withW3cDocument(printDocument(html), "about:notice");
    for (ShippedFont f : fonts) {
      builder.useFont(
          () -> new ByteArrayInputStream(f.bytes()), f.family(), f.weight(), f.style(), true);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 17);
    int pages;
    ShapingTextRenderer shaper = new ShapingTextRenderer(shapers, shapedFamilies, shaping);
    try (PdfBoxRenderer renderer = withShaping(builder.buildPdfRenderer(), shaper);
        PDDocument doc = renderer.createPDFKeepOpen()) {
      shaper.finish(doc);
      byte[] html8 = notice.html().getBytes(StandardCharsets.UTF_8);
      ReproducibleMetadata.apply(
          doc,
          published,
          standard == Layout.Standard.UA1
              ? Sha256.of(html8, fontsHash(), colourProfile)
              // Another file than the PDF/UA-1 one, so another document ID.
              : Sha256.of(
                  html8,
                  fontsHash(),
                  colourProfile,
                  standard.id().getBytes(StandardCharsets.US_ASCII)));
      if (standard == Layout.Standard.UA2) {
        // After ReproducibleMetadata: it writes the document information this step moves to XMP.
        Ua2Conversion.apply(doc);
      }
      pages = doc.getNumberOfPages();
      doc.save(out);
    } catch (IOException | RuntimeException e) {
      throw new FindingsException(Finding.error("render", "openhtmltopdf failed: " + e));
    }
    List<Finding> problems = problems(notice, diagnostics);
    if (!problems.isEmpty()) {
      throw new FindingsException(problems);
    }
    return new RenderedPdf(out.toByteArray(), pages);
  }

  /**
   * PDF/UA-2 wants every destination inside the document to name a structure element. openhtmltopdf
   * records one for bookmarks but not for links ({@code href="#…"}), so such notices are refused in
   * this standard rather than published with a destination a screen reader cannot follow.
   */
  private static List<Finding> internalLinks(Notice notice, Document html) {
    List<Finding> findings = new ArrayList<>();
    for (Element a : html.select("a[href^=#]")) {
      findings.add(
          Finding.error(
                  "standard.ua2.internal-link",
                  "the link '"
                      + a.text()
                      + "' points inside the notice ("
                      + a.attr("href")
                      + "); PDF/UA-2 needs a structure "
                      + "destination for it, which the renderer cannot make for links")
              .withFix(
                  "link to a web address instead (templates/organisation.properties link.*), or "
                      + "publish this notice as PDF/UA-1 (--standard ua1)"));
    }
    return findings;
  }

  /** Complex scripts are measured and drawn by glyph id ({@link ShapingTextRenderer}). */
  private static PdfBoxRenderer withShaping(PdfBoxRenderer renderer, ShapingTextRenderer shaper) {
    renderer.getSharedContext().setTextRenderer(shaper);
    return renderer;
  }

  private static List<Finding> problems(Notice notice, List<Diagnostic> diagnostics) {
    List<Finding> problems = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      if (d.getLevel().intValue() >= Level.WARNING.intValue()) {
        String message = d.getFormattedMessage();
        boolean font = message.toLowerCase(Locale.ROOT).matches(".*(font|glyph).*");
        problems.add(
            Finding.error("openhtmltopdf." + d.getLogMessageId(), message)
                .withFix(
                    font
                        ? "name only shipped font families in CSS and use characters those fonts cover"
                        : "fix the markup or style the message names"));
      }
    }
    return problems;
  }

  /**
   * openhtmltopdf leaves an inline element that is its block's only content out of the structure
   * tree, and its {@code lang} with it (an English heading in a Polish notice would be read with
   * Polish rules): such a block takes the language of its content. Innermost first, so a language
   * climbs as far as the element stays the only content.
   */
  static void liftLanguages(Document doc) {
    List<Element> marked = new ArrayList<>(doc.body().select("[lang]"));
    java.util.Collections.reverse(marked);
    for (Element e : marked) {
      Element parent = e.parent();
      while (parent != null
          && parent != doc.body()
          && !parent.hasAttr("lang")
          && onlyContent(parent, e)) {
        parent.attr("lang", e.attr("lang"));
        e = parent;
        parent = e.parent();
      }
    }
  }

  private static boolean onlyContent(Element parent, Element child) {
    for (org.jsoup.nodes.Node n : parent.childNodes()) {
      boolean blank =
          n instanceof org.jsoup.nodes.TextNode t && t.isBlank()
              || n instanceof org.jsoup.nodes.Comment;
      if (n != child && !blank) {
        return false;
      }
    }
    return true;
  }

  /**
   * The document openhtmltopdf reads: the notice plus a bookmark per heading (openhtmltopdf takes
   * them from a {@code <bookmarks>} element in the head, which is not HTML and so stays out of the
   * twin).
   */
  private static org.w3c.dom.Document printDocument(Document doc) {
    liftLanguages(doc);
    Element bookmarks = doc.head().appendElement("bookmarks");
    Element h1 = null;
    int n = 0;
    for (Element h : doc.body().select("h1, h2")) {
      if (h.id().isEmpty()) {
        h.id("heading-" + ++n);
      }
      Element mark = new Element("bookmark").attr("name", h.text()).attr("href", "#" + h.id());
      if (h.tagName().equals("h1") || h1 == null) {
        bookmarks.appendChild(mark);
        h1 = h.tagName().equals("h1") ? mark : h1;
      } else {
        h1.appendChild(mark);
      }
    }
    return W3CDom.convert(doc);
  }
}
