package org.noticepublisher.render.internal;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Bidi;
import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.css.value.FontSpecification;
import com.openhtmltopdf.extend.FontContext;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.TextRenderer;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFastOutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontDescription;
import com.openhtmltopdf.pdfboxout.PdfBoxOutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxTextRenderer;
import com.openhtmltopdf.pdfboxout.PdfContentStreamAdapter;
import com.openhtmltopdf.render.FSFont;
import com.openhtmltopdf.render.JustificationInfo;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * openhtmltopdf's text renderer, with runs of complex scripts (Tamil, Bengali, Gujarati, Gurmukhi)
 * shaped by the JDK's layout engine: such a run is measured with the shaped advances and drawn
 * glyph by glyph, by glyph id, at the shaped positions, so what is laid out is what is drawn. Each
 * word is wrapped in a {@code /Span} with {@code /ActualText}, so extraction, search and screen
 * readers get the characters in logical order whatever order the glyphs are drawn in (Nastaliq:
 * each character, see {@link #drawGlyphs}).
 *
 * <p>Runs whose font is not one of {@code shapers} (Latin, Cyrillic, Hangul, Arabic in Naskh) go to
 * openhtmltopdf unchanged. One instance per render (openhtmltopdf calls {@link #setup} on it).
 */
public final class ShapingTextRenderer extends PdfBoxTextRenderer {
  private static final Set<Integer> SCRIPTS =
      Set.of(UScript.TAMIL, UScript.BENGALI, UScript.GUJARATI, UScript.GURMUKHI, UScript.ARABIC);
  private static final int ZWNJ = 0x200C, ZWJ = 0x200D, ALEF = 0x0627;
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  /** Shaper per PostScript name of the fonts to shape. */
  private final Map<String, JdkShaper> shapers;

  /**
   * The families of those fonts. A font list's other fonts are passed over by family: asking one
   * for its PostScript name would load it into the document (parsing the whole font file), and a
   * notice's font list names every shipped family.
   */
  private final Set<String> shapedFamilies;

  /** openhtmltopdf measures the same words many times while it breaks lines. */
  private final Map<RunKey, JdkShaper.Shaped> shaped = new HashMap<>();

  private final boolean shapingEnabled;

  /** Whether a font list includes a font shaped here (most do not: nothing to do for them). */
  private final Map<PdfBoxFSFont, Boolean> hasShaped = new java.util.IdentityHashMap<>();

  /** Per font drawn by glyph id: glyphs its cmap does not reach, and the text they stand for. */
  private final Map<PDType0Font, Map<Integer, String>> unmapped = new LinkedHashMap<>();

  /**
   * @param shapers the fonts to shape, by PostScript name
   * @param shapedFamilies their families
   * @param shapingEnabled false draws complex-script runs character by character through
   *     openhtmltopdf, as it would without this class (for the check that shaping is what makes the
   *     text right)
   */
  public ShapingTextRenderer(
      Map<String, JdkShaper> shapers, Set<String> shapedFamilies, boolean shapingEnabled) {
    this.shapers = Map.copyOf(shapers);
    this.shapedFamilies = Set.copyOf(shapedFamilies);
    this.shapingEnabled = shapingEnabled;
  }

  /**
   * "ok" when every openhtmltopdf/PDFBox internal that glyph drawing needs is where this version
   * expects it; throws otherwise (for a test that guards upgrades).
   */
  public static String checkInternals() {
    OpenhtmltopdfInternals.check();
    return "ok";
  }

  @Override
  public int getWidth(FontContext context, FSFont font, String string) {
    List<Piece> pieces = pieces((PdfBoxFSFont) font, string, false);
    if (pieces == null) {
      return super.getWidth(context, font, string);
    }
    float width = 0;
    for (Piece p : pieces) {
      width +=
          p.shaped == null
              ? super.getWidth(context, font, p.text)
              : p.shaped.advance() / 1000f * font.getSize2D();
    }
    return (int) Math.ceil(width - 0.01f);
  }

  @Override
  public void drawString(OutputDevice device, String string, float x, float y) {
    drawString(device, string, x, y, null);
  }

  @Override
  public void drawString(
      OutputDevice device, String string, float x, float y, @Nullable JustificationInfo info) {
    PdfBoxOutputDevice pdf = (PdfBoxOutputDevice) device;
    PdfBoxFSFont font = shapingEnabled && mayNeedShaping(string) ? currentFont(pdf) : null;
    List<Piece> pieces = font == null ? null : pieces(font, string, true);
    if (font == null || pieces == null) {
      if (info == null) {
        super.drawString(device, string, x, y);
      } else {
        super.drawString(device, string, x, y, info);
      }
      return;
    }
    float offset = 0;
    for (Piece p : pieces) {
      if (p.shaped == null) {
        pdf.drawString(p.text, x + offset, y, info);
        offset += super.getWidth(null, font, p.text);
        if (info != null) {
          long spaces =
              p.text.codePoints().filter(PdfBoxTextRenderer::isJustificationSpace).count();
          offset +=
              spaces * info.getSpaceAdjust()
                  + (p.text.codePointCount(0, p.text.length()) - spaces) * info.getNonSpaceAdjust();
        }
      } else {
        offset +=
            drawGlyphs((PdfBoxFastOutputDevice) pdf, p, x + offset, y, font.getSize2D(), info);
      }
    }
  }

  /** The font openhtmltopdf set on the device for this text (the device keeps it private). */
  private @Nullable PdfBoxFSFont currentFont(PdfBoxOutputDevice device) {
    return device instanceof PdfBoxFastOutputDevice fast ? OpenhtmltopdfInternals.font(fast) : null;
  }

  /**
   * The text cut into runs to shape and runs to leave to openhtmltopdf, or null when nothing in it
   * needs shaping. A run to shape takes the first font of the list that has a glyph for its first
   * letter, and keeps the joiners, marks and punctuation that follow if that font has them.
   */
  private @Nullable List<Piece> pieces(PdfBoxFSFont font, String string, boolean visual) {
    if (!shapingEnabled || !mayNeedShaping(string) || !hasShapedFont(font)) {
      return null;
    }
    String text = TextRenderer.getEffectivePrintableString(string);
    if (fontFor(font, ALEF) != null) {
      // Arabic script in a font shaped here (Nastaliq): openhtmltopdf has already replaced letters
      // by presentation forms, which such fonts do not have and HarfBuzz must not be given.
      text = ArabicScriptShaper.unshape(text, visual);
    }
    List<Piece> out = null;
    StringBuilder plain = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      FontDescription desc = SCRIPTS.contains(UScript.getScript(cp)) ? fontFor(font, cp) : null;
      if (desc == null) {
        plain.appendCodePoint(cp);
        i += Character.charCount(cp);
        continue;
      }
      int end = i + Character.charCount(cp);
      while (end < text.length()) {
        int next = text.codePointAt(end);
        int script = UScript.getScript(next);
        // Right-to-left runs stop at shared punctuation (brackets, quotes): openhtmltopdf has
        // already mirrored and placed those, and draws them itself.
        boolean joins =
            next == ZWJ
                || next == ZWNJ
                || (!UCharacter.isWhitespace(next)
                    && (script == UScript.getScript(cp)
                        || script == UScript.INHERITED
                        || (script == UScript.COMMON && UScript.getScript(cp) != UScript.ARABIC)));
        if (!joins || !(next == ZWJ || next == ZWNJ || has(desc.getFont(), next))) {
          break;
        }
        end += Character.charCount(next);
      }
      if (out == null) {
        out = new ArrayList<>();
      }
      if (plain.length() > 0) {
        out.add(new Piece(plain.toString(), null, null, null));
        plain.setLength(0);
      }
      boolean rtl = UScript.getScript(cp) == UScript.ARABIC;
      // openhtmltopdf draws a right-to-left run reversed (visual order); HarfBuzz takes it logical.
      String run =
          rtl && visual
              ? Bidi.writeReverse(text.substring(i, end), Bidi.DO_MIRRORING)
              : text.substring(i, end);
      // fontFor() picks only fonts that have a shaper.
      JdkShaper shaper = Objects.requireNonNull(shaper(desc.getFont()), "shaper");
      out.add(
          new Piece(
              run,
              desc,
              shaper,
              shaped.computeIfAbsent(new RunKey(shaper, run), k -> shaper.shape(run, rtl))));
      i = end;
    }
    if (out != null && plain.length() > 0) {
      out.add(new Piece(plain.toString(), null, null, null));
    }
    return out;
  }

  /**
   * Whether the string has a letter of a script shaped here; without one {@link #pieces} finds
   * nothing to shape. Asked before the font list is looked at, because looking loads every font in
   * it: a curly apostrophe in English or Hangul in Korean used to load and parse the Arabic and the
   * 4.7 MB Korean fonts for every document (45 of the 210 MB a Latin notice allocated). Every such
   * script is encoded from U+0600 on: Latin and Cyrillic letters skip the lookup.
   */
  private static boolean mayNeedShaping(String string) {
    for (int i = 0; i < string.length(); ) {
      int cp = string.codePointAt(i);
      if (cp >= 0x0600 && SCRIPTS.contains(UScript.getScript(cp))) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  private boolean hasShapedFont(PdfBoxFSFont font) {
    return hasShaped.computeIfAbsent(
        font,
        f ->
            f.getFontDescriptions().stream()
                .anyMatch(d -> isShaped(d) && d.getFont() != null && shaper(d.getFont()) != null));
  }

  /**
   * Whether {@code d} is of a family shaped here. openhtmltopdf's built-in PDF fonts have no family
   * (none is used under PDF/A, but an immutable set's {@code contains(null)} would throw).
   */
  private boolean isShaped(FontDescription d) {
    String family = d.getFamily();
    return family != null && shapedFamilies.contains(family);
  }

  private @Nullable FontDescription fontFor(PdfBoxFSFont font, int cp) {
    for (FontDescription d : font.getFontDescriptions()) {
      if (!isShaped(d)) {
        continue;
      }
      PDFont f = d.getFont();
      if (f != null && shaper(f) != null && has(f, cp)) {
        return d;
      }
    }
    return null;
  }

  private @Nullable JdkShaper shaper(PDFont font) {
    String name = font.getName();
    int plus = name == null ? -1 : name.indexOf('+');
    return shapers.get(plus == 6 ? name.substring(7) : name);
  }

  private static boolean has(PDFont font, int cp) {
    return font instanceof PDType0Font t0 && t0.getCmapLookup().getGlyphId(cp) != 0;
  }

  /**
   * Draws a shaped run glyph by glyph, each word in a {@code /Span} carrying its text as {@code
   * /ActualText}, the way openhtmltopdf draws a string (same text matrix, fill colour, fake
   * italic). Returns the run's width in device units.
   */
  private float drawGlyphs(
      PdfBoxFastOutputDevice device,
      Piece p,
      float x,
      float y,
      float size,
      @Nullable JustificationInfo info) {
    JdkShaper.Shaped s = Objects.requireNonNull(p.shaped, "shaped");
    JdkShaper shaper = Objects.requireNonNull(p.shaper, "shaper");
    PDType0Font pdFont = (PDType0Font) Objects.requireNonNull(p.desc, "desc").getFont();
    float dotsPerPoint = device.getDotsPerPoint();
    float pageHeight = device.normalizeY(0);
    float skew = 0;
    FontSpecification spec = device.getFontSpecification();
    if (spec != null
        && spec.fontStyle == IdentValue.ITALIC
        && p.desc.getStyle() != IdentValue.ITALIC) {
      skew = 0.21256f;
    }
    OpenhtmltopdfInternals.applyFillColour(device);
    PageTransform to =
        new PageTransform(OpenhtmltopdfInternals.transform(device), pageHeight, dotsPerPoint, skew);
    var page = device.getCurrentPage();
    page.beginText();
    page.setFont(pdFont, size / dotsPerPoint);
    OutputStream out = OpenhtmltopdfInternals.pageContent(device);
    float scale = size / 1000f;
    float extra = 0;
    Set<Integer> used = new HashSet<>();
    try {
      // A right-to-left run is drawn left to right, so its clusters come in reverse reading order:
      // ReversedChars (ISO 32000-1, 14.8.2.5.3) says so, and readers that honour neither it nor
      // a span's place in it still get each span's text the right way round (see below).
      boolean rtl = UScript.getScript(s.text().codePointAt(0)) == UScript.ARABIC;
      int anchor = rtl ? shaper.blankGlyph() : -1;
      if (rtl) {
        out.write("/ReversedChars BMC\n".getBytes(StandardCharsets.US_ASCII));
      }
      List<JdkShaper.Cluster> clusters = s.clusters();
      for (int i = 0; i < clusters.size(); i++) {
        JdkShaper.Cluster c = clusters.get(i);
        recordUnmapped(pdFont, s, c);
        if (anchor < 0) {
          // One span per word (or per run of white space), not per cluster: the text reads the
          // same, and veraPDF's cost grows with the spans it checks (a Tamil notice's 7,883
          // cluster spans took 45% of its validation time).
          int end = i + 1;
          StringBuilder text = new StringBuilder(c.text());
          while (end < clusters.size() && sameWord(c, clusters.get(end))) {
            recordUnmapped(pdFont, s, clusters.get(end));
            text.append(clusters.get(end).text());
            end++;
          }
          span(out, text.toString());
          int first = c.from();
          int count = clusters.get(end - 1).to() - first;
          float[] gx = new float[count];
          float[] gy = new float[count];
          for (int k = i; k < end; k++) {
            JdkShaper.Cluster each = clusters.get(k);
            for (int g = each.from(); g < each.to(); g++) {
              gx[g - first] = x + extra + s.x()[g] * scale;
              gy[g - first] = y + s.y()[g] * scale;
            }
            // Justification spreads the line cluster by cluster; the last one's share is added
            // below, as for a cluster alone.
            if (info != null && k < end - 1) {
              extra += info.getNonSpaceAdjust();
            }
          }
          showAll(
              page,
              out,
              pdFont,
              Arrays.copyOfRange(s.glyphs(), first, first + count),
              gx,
              gy,
              to,
              size,
              used);
          out.write("EMC\n".getBytes(StandardCharsets.US_ASCII));
          i = end - 1;
        } else {
          // Nastaliq letters climb above the baseline and overlap. poppler places a span's text
          // where its first glyph starts and its last glyph ends, and starts a new word at any
          // change of baseline; it lays a span's characters out left to right, so a span of a
          // letter and its vowel mark reads backwards. PDFBox gives a span's text the first
          // glyph's place and width. So each character gets a span of its own for an equal share
          // of its cluster's width on the line, opened and closed by the blank space glyph
          // stretched over that share on the baseline (it draws nothing); the cluster's glyphs go
          // in its first character's span, the rightmost.
          int[] chars = c.text().codePoints().toArray();
          float left = x + extra + s.pen()[c.from()] * scale;
          float share = (s.pen()[c.to()] - s.pen()[c.from()]) * scale / chars.length;
          // Never zero: a text matrix that cannot be inverted breaks some readers.
          float stretch = Math.max(share / (shaper.blankAdvance() * scale), 0.001f);
          for (int k = chars.length - 1; k >= 0; k--) {
            float from = left + (chars.length - 1 - k) * share;
            span(out, new String(chars, k, 1));
            show(page, out, pdFont, anchor, to, from, y, stretch, used);
            for (int g = c.from(); k == 0 && g < c.to(); g++) {
              show(
                  page,
                  out,
                  pdFont,
                  s.glyphs()[g],
                  to,
                  x + extra + s.x()[g] * scale,
                  y + s.y()[g] * scale,
                  1,
                  used);
            }
            if (k == 0 && c.to() > c.from()) {
              show(page, out, pdFont, anchor, to, from, y, stretch, used);
            }
            out.write("EMC\n".getBytes(StandardCharsets.US_ASCII));
          }
        }
        if (info != null && !rtl) {
          extra += info.getNonSpaceAdjust();
        }
      }
      if (rtl) {
        out.write("EMC\n".getBytes(StandardCharsets.US_ASCII));
        if (info != null) {
          extra += info.getNonSpaceAdjust();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    page.endText();
    if (pdFont.willBeSubset()) {
      pdFont.addGlyphsToSubset(used);
    }
    return s.advance() * scale + extra;
  }

  /** Whether {@code next} continues {@code first}'s word: both are white space, or neither is. */
  private static boolean sameWord(JdkShaper.Cluster first, JdkShaper.Cluster next) {
    return first.text().isBlank() == next.text().isBlank();
  }

  /** Opens a marked-content span whose text is {@code text}. */
  private static void span(OutputStream out, String text) throws IOException {
    out.write(
        ("/Span <</ActualText " + utf16Hex(text) + ">> BDC\n").getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Shows glyphs with their origins at ({@code gx[i]}, {@code gy[i]}) in device units: one text
   * matrix and one {@code TJ} for each stretch of glyphs on the same baseline, each glyph placed by
   * the gap between where the previous one's advance (as the font's {@code /W} gives it) would put
   * it and where it goes. Fewer operators than a text matrix and a {@code Tj} per glyph: a Tamil
   * notice had 9,658 of each, and veraPDF checks every operator.
   */
  private static void showAll(
      PdfContentStreamAdapter page,
      OutputStream out,
      PDType0Font font,
      int[] gids,
      float[] gx,
      float[] gy,
      PageTransform to,
      float size,
      Set<Integer> used)
      throws IOException {
    StringBuilder tj = new StringBuilder();
    for (int i = 0; i < gids.length; i++) {
      if (i == 0 || gy[i] != gy[i - 1]) {
        if (i > 0) {
          out.write((tj.append("] TJ\n")).toString().getBytes(StandardCharsets.US_ASCII));
          tj.setLength(0);
        }
        to.setTextMatrix(page, gx[i], gy[i], 1);
        tj.append('[');
      } else {
        // In thousandths of the font size, as TJ reads numbers: a positive one moves left.
        float gap = (gx[i] - gx[i - 1]) * 1000f / size;
        float adjust = advance(font, gids[i - 1]) - gap;
        if (Math.abs(adjust) >= 0.01f) { // below: float noise, a hundred-thousandth of an em
          tj.append(' ').append(String.format(Locale.ROOT, "%.3f", adjust)).append(' ');
        }
      }
      used.add(gids[i]);
      tj.append('<').append(hex(font.encodeGlyphId(gids[i]))).append('>');
    }
    if (gids.length > 0) {
      out.write(tj.append("] TJ\n").toString().getBytes(StandardCharsets.US_ASCII));
    }
  }

  /**
   * A glyph's advance in thousandths of an em, rounded as PDFBox writes it into the subset font's
   * {@code /W} array, which is what readers move by.
   */
  private static float advance(PDType0Font font, int gid) throws IOException {
    return Math.round(font.getDescendantFont().getWidthFromFont(gid));
  }

  /**
   * Shows one glyph with its origin at ({@code gx}, {@code gy}) in device units, {@code stretch}
   * times its width.
   */
  private static void show(
      PdfContentStreamAdapter page,
      OutputStream out,
      PDType0Font font,
      int gid,
      PageTransform to,
      float gx,
      float gy,
      float stretch,
      Set<Integer> used)
      throws IOException {
    to.setTextMatrix(page, gx, gy, stretch);
    used.add(gid);
    out.write(("<" + hex(font.encodeGlyphId(gid)) + "> Tj\n").getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * How openhtmltopdf maps device units onto the page: its transform, the page height, dots per
   * point, and the skew of fake italic (0 for none).
   */
  private record PageTransform(
      AffineTransform base, float pageHeight, float dotsPerPoint, float skew) {
    /**
     * Sets the text matrix that puts a glyph's origin at ({@code gx}, {@code gy}) in device units,
     * {@code stretch} times its width, as openhtmltopdf would.
     */
    void setTextMatrix(PdfContentStreamAdapter page, float gx, float gy, float stretch) {
      AffineTransform at = new AffineTransform(base);
      at.translate(gx, gy);
      at.scale(stretch, 1);
      AffineTransform m = new AffineTransform(1, 0, 0, -1, 0, pageHeight);
      m.concatenate(at);
      m.concatenate(AffineTransform.getScaleInstance(1, -1));
      m.scale(dotsPerPoint, dotsPerPoint);
      double[] mx = new double[6];
      m.getMatrix(mx);
      float b = skew != 0 ? 0f : (float) mx[1];
      float cc = skew != 0 ? skew : (float) mx[2];
      page.setTextMatrix((float) mx[0], b, cc, (float) mx[3], (float) mx[4], (float) mx[5]);
    }
  }

  /**
   * Completes the ToUnicode maps of the fonts drawn by glyph id; call once the document is laid
   * out, before it is saved.
   */
  public void finish(PDDocument doc) throws IOException {
    ToUnicodeCompletion.apply(doc, unmapped);
  }

  /**
   * Glyphs of a cluster that no character maps to stand for the cluster's characters whose own
   * glyph is not among the cluster's glyphs (ਪ੍ਰ: the subjoined form stands for ੍ਰ), or for all of
   * them.
   */
  private void recordUnmapped(PDType0Font font, JdkShaper.Shaped s, JdkShaper.Cluster c) {
    var cmap = font.getCmapLookup();
    Set<Integer> glyphs = new HashSet<>();
    for (int g = c.from(); g < c.to(); g++) {
      glyphs.add(s.glyphs()[g]);
    }
    StringBuilder rest = new StringBuilder();
    c.text()
        .codePoints()
        .filter(cp -> !glyphs.contains(cmap.getGlyphId(cp)))
        .forEach(rest::appendCodePoint);
    String text = rest.length() > 0 ? rest.toString() : c.text();
    for (int g = c.from(); g < c.to(); g++) {
      int gid = s.glyphs()[g];
      List<Integer> codes = cmap.getCharCodes(gid);
      if (codes == null || codes.isEmpty()) {
        unmapped.computeIfAbsent(font, f -> new TreeMap<>()).putIfAbsent(gid, text);
      }
    }
  }

  private static String utf16Hex(String text) {
    return "<FEFF" + hex(text.getBytes(StandardCharsets.UTF_16BE)) + ">";
  }

  private static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  private record RunKey(JdkShaper shaper, String text) {}

  private record Piece(
      String text,
      @Nullable FontDescription desc,
      @Nullable JdkShaper shaper,
      JdkShaper.@Nullable Shaped shaped) {}
}
