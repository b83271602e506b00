package org.noticepublisher.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.noticepublisher.verify.internal.ContentTextStripper;
import org.noticepublisher.verify.internal.ContentTextStripper.Extraction;
import org.noticepublisher.verify.internal.ContentTextStripper.Glyph;

/**
 * Every drawn glyph must lie inside the page's visible area (its crop box), and only the running
 * footer (an artifact) may be drawn in the footer band. Text extraction reads text past the paper's
 * edge as if it were printed, so without this a word too long to wrap passes every other check.
 */
public final class PageBounds {
  /** Half a point: glyph boxes are font metrics, not ink, and round at the edges. */
  private static final float TOLERANCE = 0.5f;

  /** The footer lives in the bottom margin; only artifacts below this share of the page count. */
  private static final float FOOTER_ZONE = 0.15f;

  /**
   * A line with glyphs where they must not be.
   *
   * @param page 1-based page number
   * @param glyphs the misplaced glyphs, in drawing order
   * @param count how many
   * @param footerBand whether they are content drawn over the footer (rather than off the page)
   */
  public record OffPage(int page, String glyphs, int count, boolean footerBand) {}

  private PageBounds() {}

  /** One entry per line with misplaced glyphs; empty when everything is on the page. */
  public static List<OffPage> check(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return check(ContentTextStripper.extract(doc));
    } catch (IOException e) {
      return List.of(new OffPage(0, "PDFBox cannot read the PDF: " + e.getMessage(), 0, false));
    }
  }

  /** As {@link #check(byte[])}, on text already extracted (one extraction pass per PDF). */
  static List<OffPage> check(Extraction placed) {
    Map<String, List<Glyph>> off = new LinkedHashMap<>();
    Map<String, List<Glyph>> overFooter = new LinkedHashMap<>();
    for (ContentTextStripper.Page page : placed.pages()) {
      List<Glyph> glyphs = placed.glyphs().stream().filter(g -> g.page() == page.number()).toList();
      float footerTop =
          glyphs.stream()
              .filter(g -> g.artifact() && g.top() > page.height() * (1 - FOOTER_ZONE))
              .map(Glyph::top)
              .min(Float::compare)
              .orElse(Float.MAX_VALUE);
      for (Glyph g : glyphs) {
        String line = page.number() + "@" + Math.round(g.bottom());
        if (g.left() < -TOLERANCE
            || g.right() > page.width() + TOLERANCE
            || g.top() < -TOLERANCE
            || g.bottom() > page.height() + TOLERANCE) {
          off.computeIfAbsent(line, k -> new ArrayList<>()).add(g);
        } else if (!g.artifact() && g.bottom() > footerTop + TOLERANCE) {
          overFooter.computeIfAbsent(line, k -> new ArrayList<>()).add(g);
        }
      }
    }
    List<OffPage> found = new ArrayList<>();
    off.values().forEach(gs -> found.add(offPage(gs, false)));
    overFooter.values().forEach(gs -> found.add(offPage(gs, true)));
    return found;
  }

  private static OffPage offPage(List<Glyph> glyphs, boolean footer) {
    StringBuilder text = new StringBuilder();
    glyphs.forEach(g -> text.append(g.text()));
    return new OffPage(glyphs.get(0).page(), text.toString(), glyphs.size(), footer);
  }
}
