package org.noticepublisher.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.noticepublisher.Finding;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Notice;
import org.noticepublisher.render.internal.JdkShaper;
import org.noticepublisher.verify.PdfValidator;
import org.noticepublisher.verify.TextFidelity;

/**
 * Complex scripts are drawn as the JDK's layout engine (HarfBuzz) shapes them: for each sample word
 * of {@code shaping/samples.tsv}, rendered in a paragraph of its language, the glyph ids read back
 * from the page's content stream are the JDK's glyph sequence for that word and font, the extracted
 * text is the word (ActualText), and the PDF passes PDF/UA-1 and PDF/A-2a.
 */
class ComplexScriptGlyphsTest {
  private static final PdfRenderer RENDERER = PdfRenderer.create();
  private static final String FAMILIES =
      "'Noto Sans', 'Noto Sans Tamil', 'Noto Sans Bengali', "
          + "'Noto Sans Gujarati', 'Noto Sans Gurmukhi'";
  private static final String URDU = "'Noto Nastaliq Urdu', 'Noto Sans'";

  record Sample(String script, String lang, String font, boolean rtl, List<String> words) {
    @Override
    public String toString() {
      return script;
    }
  }

  static List<Sample> samples() throws IOException {
    Map<String, Sample> byScript = new LinkedHashMap<>();
    try (InputStream in =
        ComplexScriptGlyphsTest.class.getResourceAsStream("/shaping/samples.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        String key = f[0] + " " + f[2];
        byScript
            .computeIfAbsent(
                key,
                k -> new Sample(key, f[1], f[2], Boolean.parseBoolean(f[3]), new ArrayList<>()))
            .words()
            .add(f[4]);
      }
    }
    return List.copyOf(byScript.values());
  }

  /** The samples drawn a word at a time (Nastaliq is drawn letter by letter: PopplerTextTest). */
  static List<Sample> leftToRightSamples() throws IOException {
    return samples().stream().filter(s -> !s.rtl()).toList();
  }

  /** The sample's words in a paragraph of its language, in bold when its font is the bold one. */
  static RenderedPdf render(PdfRenderer renderer, Sample sample) throws Exception {
    String text = String.join(" ", sample.words());
    boolean bold = sample.font().contains("-Bold");
    return render(renderer, sample.lang(), sample.rtl(), bold ? "<b>" + text + "</b>" : text);
  }

  static RenderedPdf render(PdfRenderer renderer, String lang, boolean rtl, String text)
      throws Exception {
    String html =
        "<!DOCTYPE html><html lang=\""
            + lang
            + "\" dir=\""
            + (rtl ? "rtl" : "ltr")
            + "\"><head><meta charset=\"UTF-8\"/><title>Sample</title>"
            + "<meta name=\"subject\" content=\"sample\"/><style>html { font-family: "
            + (rtl ? URDU : FAMILIES)
            + "; } </style></head><body><p>"
            + text
            + "</p></body></html>";
    Notice notice =
        new Notice(
            new NoticeId("sample", lang),
            lang,
            rtl,
            "Sample",
            "sample",
            "test",
            html,
            List.of(text),
            false,
            Map.of(),
            Notice.Fallback.NONE,
            List.of());
    return renderer.render(notice, LocalDate.of(2026, 1, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void drawnGlyphsAreTheJdkGlyphSequence(Sample sample) throws Exception {
    String text = String.join(" ", sample.words());
    RenderedPdf pdf = render(RENDERER, sample);
    String psName = JdkShaper.psName(font(sample.font()));
    assertEquals(
        expected(sample),
        drawnGlyphs(pdf.bytes(), psName, space(sample), blank(sample)),
        "glyph ids drawn in " + psName);
    assertEquals(
        List.of(),
        TextFidelity.check(pdf.bytes(), List.of(text), "sample").stream()
            .map(Finding::toString)
            .toList(),
        "text read back");
    if (!sample.rtl()) {
      assertEquals(
          TextFidelity.normalise(text),
          TextFidelity.normalise(
              org.noticepublisher.verify.PdfInspection.contentText(pdf.bytes())));
    }
    List<Finding> findings = PdfValidator.publishingStandards().validate(pdf.bytes(), "sample");
    assertEquals(List.of(), findings.stream().map(Finding::toString).collect(Collectors.toList()));
  }

  /** The mutation: drawn without shaping (as openhtmltopdf alone would), the check turns red. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void withoutShapingTheGlyphsDiffer(Sample sample) throws Exception {
    RenderedPdf pdf = render(PdfRenderer.withoutComplexShaping(), sample);
    assertNotEquals(
        expected(sample),
        drawnGlyphs(
            pdf.bytes(), JdkShaper.psName(font(sample.font())), space(sample), blank(sample)));
  }

  /**
   * Each glyph of a left-to-right word sits where the JDK placed it, relative to the word's first
   * glyph: the renderer writes one TJ per baseline with gaps computed from the font's widths, and a
   * wrong gap would overlap or spread the letters while the glyph ids stayed right.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("leftToRightSamples")
  void glyphsSitWhereTheJdkPlacesThem(Sample sample) throws Exception {
    RenderedPdf pdf = render(RENDERER, sample);
    List<float[]> drawn =
        drawnPositions(
            pdf.bytes(), JdkShaper.psName(font(sample.font())), space(sample), blank(sample));
    JdkShaper shaper = JdkShaper.of(font(sample.font()));
    int at = 0;
    for (String word : sample.words()) {
      JdkShaper.Shaped s = shaper.shape(word, false);
      float[] first = drawn.get(at);
      for (int g = 0; g < s.glyphs().length; g++) {
        float[] glyph = drawn.get(at + g);
        float em = glyph[3] / 1000f; // points per thousandth of an em
        assertEquals((s.x()[g] - s.x()[0]) * em, glyph[1] - first[1], 0.01, word + " glyph " + g);
        assertEquals(-(s.y()[g] - s.y()[0]) * em, glyph[2] - first[2], 0.01, word + " glyph " + g);
      }
      at += s.glyphs().length;
    }
    assertEquals(drawn.size(), at, "every drawn glyph belongs to a word");
  }

  @Test
  void shapedTextIsReproducible() throws Exception {
    // The ToUnicode maps are completed after a first save: the bytes must still not vary.
    String text = "பெயர் ক্ষ ਪ੍ਰ ક્ષ";
    assertArrayEquals(
        render(RENDERER, "ta", false, text).bytes(),
        render(PdfRenderer.create(), "ta", false, text).bytes());
  }

  @Test
  void openhtmltopdfInternalsAreWhereTheShaperExpectsThem() {
    // Loads the one class that reaches into openhtmltopdf; it throws if anything it uses is gone.
    assertEquals("ok", org.noticepublisher.render.internal.ShapingTextRenderer.checkInternals());
  }

  /**
   * The JDK's glyphs for the words, in the order they appear on the line (reversed for right to
   * left).
   */
  static List<Integer> expected(Sample sample) throws IOException {
    JdkShaper shaper = JdkShaper.of(font(sample.font()));
    List<String> words = new ArrayList<>(sample.words());
    if (sample.rtl()) {
      java.util.Collections.reverse(words);
    }
    List<Integer> expected = new ArrayList<>();
    for (String word : words) {
      for (int g : shaper.shape(word, sample.rtl()).glyphs()) {
        expected.add(g);
      }
    }
    return expected;
  }

  /** The font's glyph for a space (between the words; not part of any sample). */
  static int space(Sample sample) throws IOException {
    return JdkShaper.of(font(sample.font())).shape(" ", false).glyphs()[0];
  }

  /** The font's blank glyph, drawn to mark where a Nastaliq letter's text sits (draws nothing). */
  static int blank(Sample sample) throws IOException {
    return JdkShaper.of(font(sample.font())).blankGlyph();
  }

  static byte[] font(String file) throws IOException {
    try (InputStream in = ComplexScriptGlyphsTest.class.getResourceAsStream("/fonts/" + file)) {
      assertTrue(in != null, file);
      return in.readAllBytes();
    }
  }

  /** The glyph ids (CIDs of an Identity-H font = the font's glyph ids) drawn in the named font. */
  static List<Integer> drawnGlyphs(byte[] pdf, String psName, int space, int blank)
      throws IOException {
    return drawnPositions(pdf, psName, space, blank).stream().map(g -> (int) g[0]).toList();
  }

  /**
   * Each glyph drawn in the named font: its id, its origin on the page (x, y in points) and the
   * font size it is drawn at, in the order it is drawn.
   */
  static List<float[]> drawnPositions(byte[] pdf, String psName, int space, int blank)
      throws IOException {
    List<float[]> out = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFStreamEngine engine =
          new PDFStreamEngine() {
            {
              addOperator(new org.apache.pdfbox.contentstream.operator.text.BeginText(this));
              addOperator(new org.apache.pdfbox.contentstream.operator.text.EndText(this));
              addOperator(new org.apache.pdfbox.contentstream.operator.text.SetFontAndSize(this));
              addOperator(new org.apache.pdfbox.contentstream.operator.state.SetMatrix(this));
              addOperator(new org.apache.pdfbox.contentstream.operator.text.ShowText(this));
              addOperator(new org.apache.pdfbox.contentstream.operator.text.ShowTextAdjusted(this));
              addOperator(new org.apache.pdfbox.contentstream.operator.state.Save(this));
              addOperator(new org.apache.pdfbox.contentstream.operator.state.Restore(this));
              addOperator(new org.apache.pdfbox.contentstream.operator.state.Concatenate(this));
            }

            @Override
            protected void showGlyph(Matrix m, PDFont font, int code, Vector displacement) {
              if (font.getName().endsWith("+" + psName) || font.getName().equals(psName)) {
                int cid = ((org.apache.pdfbox.pdmodel.font.PDType0Font) font).codeToCID(code);
                if (cid != space && cid != blank) {
                  out.add(
                      new float[] {
                        cid, m.getTranslateX(), m.getTranslateY(), m.getScalingFactorY()
                      });
                }
              }
            }
          };
      for (PDPage page : doc.getPages()) {
        engine.processPage(page);
      }
    }
    return out;
  }
}
