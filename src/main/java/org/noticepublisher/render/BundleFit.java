package org.noticepublisher.render;

import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.noticepublisher.Finding;
import org.noticepublisher.assemble.Variant;
import org.noticepublisher.catalog.Bundle;
import org.noticepublisher.catalog.Catalog;
import org.noticepublisher.render.internal.GlyphCoverage;
import org.noticepublisher.render.internal.ShippedFont;

/**
 * Translation QA check 10, which needs the PDF fonts: whether every character of a bundle has a
 * glyph in a shipped font (else openhtmltopdf draws nothing or '#'), and whether the strings with
 * little room — the running footer's title, the H1, the section headings — fit, measured with the
 * advance widths of the font the notice uses for the locale's script (no kerning or shaping, so a
 * measure to within a few per cent: enough to catch a title twice as long as its column).
 */
public final class BundleFit {
  /** Room of each string on A4 (PageStyle, notice.css): column width in mm, font size, lines. */
  private record Room(String what, double columnMm, double sizePt, boolean bold, int maxLines) {}

  private static final double A4_TEXT_MM = 210 - 36;
  private static final Room FOOTER =
      new Room("the running footer", A4_TEXT_MM - 2 * 34, 8.5, false, 2);
  private static final Room TITLE = new Room("the title (H1)", A4_TEXT_MM, 22, true, 3);
  private static final Room HEADING = new Room("a section heading (H2)", A4_TEXT_MM, 14, true, 2);

  private final List<Metrics> regular = new ArrayList<>();
  private final List<Metrics> bold = new ArrayList<>();
  private final GlyphCoverage coverage;

  private BundleFit(List<ShippedFont> fonts) {
    for (ShippedFont f : fonts) {
      if (f.style() == com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL) {
        (f.weight() >= 700 ? bold : regular).add(new Metrics(f));
      }
    }
    this.coverage = new GlyphCoverage(fonts);
  }

  public static BundleFit withShippedFonts() {
    return new BundleFit(ShippedFont.loadAll());
  }

  /** Check 10 on every translation bundle (and the source) of {@code catalog}. */
  public List<Finding> check(Catalog catalog, Collection<Variant> variants) {
    List<Finding> findings = new ArrayList<>();
    for (String locale : catalog.locales()) {
      Bundle b = catalog.bundle(locale).orElseThrow();
      if (!b.generated()) {
        findings.addAll(check(b, variants));
      }
    }
    return findings;
  }

  public List<Finding> check(Bundle bundle, Collection<Variant> variants) {
    List<Finding> findings = new ArrayList<>();
    String file = bundle.file().toString();
    for (String key : bundle.keys()) {
      String text = bundle.pattern(key).orElseThrow();
      List<Integer> missing = coverage.uncovered(text);
      if (!missing.isEmpty()) {
        findings.add(
            Finding.error(
                    key,
                    "no shipped font can draw "
                        + missing.stream()
                            .map(
                                cp ->
                                    String.format(
                                        Locale.ROOT,
                                        "U+%04X %s",
                                        cp,
                                        new String(Character.toChars(cp))))
                            .collect(Collectors.joining(", "))
                        + ": the PDF would show nothing or '#'")
                .at(file, bundle.lineOf(key))
                .withFix(
                    "use a character of the script's usual repertoire, or ask for a font that "
                        + "covers it"));
      }
    }
    Map<String, Room> rooms = new LinkedHashMap<>();
    for (Variant v : variants) {
      rooms.put(v.titleKey(), TITLE);
    }
    for (String key : bundle.keys()) {
      if (key.endsWith(".heading")) {
        rooms.put(key, HEADING);
      }
    }
    List<String> order = fontOrder(bundle.locale());
    rooms.forEach(
        (key, room) ->
            bundle
                .pattern(key)
                .ifPresent(
                    text -> {
                      fit(bundle, key, text, room, order).ifPresent(findings::add);
                      if (room == TITLE) {
                        fit(bundle, key, text, FOOTER, order).ifPresent(findings::add);
                      }
                    }));
    return findings;
  }

  private java.util.Optional<Finding> fit(
      Bundle bundle, String key, String text, Room room, List<String> order) {
    double mm = widthMm(text, room.sizePt(), room.bold(), order);
    double lines = mm / room.columnMm();
    if (lines <= room.maxLines()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        Finding.warning(
                key,
                String.format(
                    Locale.ROOT,
                    "too long for %s: %.0f mm of text at %.1f pt in a %.0f mm column needs %d lines, "
                        + "room for %d",
                    room.what(),
                    mm,
                    room.sizePt(),
                    room.columnMm(),
                    (int) Math.ceil(lines),
                    room.maxLines()))
            .at(bundle.file().toString(), bundle.lineOf(key))
            .withFix(
                "shorten it to about "
                    + (int) (text.length() * room.maxLines() / lines)
                    + " characters"));
  }

  /** Width of {@code text} in mm, each character in the first font of {@code order} that has it. */
  double widthMm(String text, double sizePt, boolean isBold, List<String> order) {
    List<Metrics> fonts = new ArrayList<>(isBold ? bold : regular);
    fonts.sort((a, b) -> Integer.compare(rank(order, a.family), rank(order, b.family)));
    double units = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      for (Metrics m : fonts) {
        int w = m.advance(cp);
        if (w >= 0) {
          units += (double) w / m.unitsPerEm;
          break;
        }
      }
    }
    return units * sizePt * 25.4 / 72;
  }

  private static int rank(List<String> order, String family) {
    int i = order.indexOf(family);
    return i < 0 ? order.size() : i;
  }

  /** The font-family order notice.css gives the locale's script. */
  static List<String> fontOrder(String locale) {
    ULocale full = ULocale.addLikelySubtags(ULocale.forLanguageTag(locale));
    return switch (full.getScript()) {
      case "Arab" -> List.of("Noto Naskh Arabic", "Noto Sans");
      case "Kore", "Hang" -> List.of("NanumGothic", "Noto Sans");
      default -> List.of("Noto Sans", "Noto Naskh Arabic", "NanumGothic");
    };
  }

  /** Advance widths of one font, read once. */
  private static final class Metrics {
    final String family;
    final int unitsPerEm;
    private final Map<Integer, Integer> advances = new java.util.HashMap<>();

    Metrics(ShippedFont f) {
      this.family = f.family();
      try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(f.bytes()))) {
        unitsPerEm = ttf.getUnitsPerEm();
        CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
        for (int gid = 1; gid < ttf.getNumberOfGlyphs(); gid++) {
          List<Integer> codes = cmap.getCharCodes(gid);
          if (codes != null) {
            int w = ttf.getAdvanceWidth(gid);
            codes.forEach(c -> advances.putIfAbsent(c, w));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read shipped font " + f.file(), e);
      }
    }

    int advance(int cp) {
      return advances.getOrDefault(cp, -1);
    }
  }
}
