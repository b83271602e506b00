package org.noticepublisher.verify;

import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.noticepublisher.Finding;
import org.noticepublisher.verify.internal.ContentTextStripper;
import org.noticepublisher.verify.internal.UnjoinedLetters;
import org.noticepublisher.verify.internal.VisualLines;

/**
 * The checks veraPDF does not make: it passes PDFs whose text was dropped, drawn as {@code #},
 * extracts as ligatures or was drawn with Arabic letters unjoined. Here the text a reader gets back
 * must contain every text the notice shows, wherever its lines break; no ligature code points;
 * every Arabic-script letter joined; every font embedded.
 */
public final class TextFidelity {
  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  private static final Pattern BIDI_CONTROLS =
      Pattern.compile("[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /**
   * A line broken after the hyphen of "Domain-based" is still the one word; so is "মা-বাবা" (a word
   * that ends in a vowel sign, a combining mark), "কোভিড-১৯" (digits) and a suffix joined to a
   * closing quote or bracket, "“…”-এর".
   */
  private static final Pattern HYPHEN_AT_LINE_END =
      Pattern.compile("(?<=[\\p{L}\\p{M}\\p{N}\\p{Pf}\\p{Pe}])-[ \\t]*\\R\\s*(?=[\\p{L}\\p{N}])");

  private static final Pattern LINE_BREAK = Pattern.compile("[ \\t\\x0B\\f\\u00A0]*\\R\\s*");
  private static final Pattern WHITESPACE_BUT_LINES = Pattern.compile("[^\\S\\n]+");
  private static final Pattern LIGATURES = Pattern.compile("[\uFB00-\uFB06]");

  private TextFidelity() {}

  /**
   * NFKC, no bidi controls, lines broken at a hyphen rejoined, every run of white space one space:
   * how texts are compared.
   */
  public static String normalise(String text) {
    String t = HYPHEN_AT_LINE_END.matcher(NFKC.normalize(text)).replaceAll("-");
    t = BIDI_CONTROLS.matcher(t).replaceAll("");
    return WHITESPACE.matcher(t).replaceAll(" ").strip();
  }

  /**
   * Extracted text as compared: like {@link #normalise}, but a run of white space that holds a line
   * break stays one line break, which may stand for a space or for nothing (a word, URL or number
   * broken where it was too long for the line).
   */
  static String normaliseLines(String text) {
    String t = BIDI_CONTROLS.matcher(NFKC.normalize(text)).replaceAll("");
    t = LINE_BREAK.matcher(t).replaceAll("\n");
    return WHITESPACE_BUT_LINES.matcher(t).replaceAll(" ").strip();
  }

  /**
   * A pattern for {@code want} (normalised) in {@link #normaliseLines} text: its spaces match a
   * space or a line break, and a line break may fall between any two of its other characters. Every
   * character must be there, in order: a dropped or added word, or two words run together on one
   * line, does not match.
   */
  static Pattern acrossLines(String want) {
    StringBuilder p = new StringBuilder();
    int[] cps = want.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      if (cp == ' ') {
        p.append("[ \\n]");
        continue;
      }
      p.append(
          Character.isLetterOrDigit(cp) ? Character.toString(cp) : String.format("\\x{%X}", cp));
      if (i + 1 < cps.length && cps[i + 1] != ' ') {
        p.append("\\n?");
      }
    }
    return Pattern.compile(p.toString());
  }

  /** Findings for every expected text the PDF's content does not give back, and every ligature. */
  public static List<Finding> check(byte[] pdf, List<String> expected, String source) {
    return inspect(pdf, expected, source).findings();
  }

  /**
   * What {@link #check} finds, and, from the same extraction pass, every line with glyphs off the
   * page or over the footer ({@link PageBounds}), for the caller to trace to its source.
   */
  public record Report(List<Finding> findings, List<PageBounds.OffPage> offPage) {}

  public static Report inspect(byte[] pdf, List<String> expected, String source) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return inspect(doc, expected, source);
    } catch (IOException e) {
      return new Report(List.of(readError(e, source)), List.of());
    }
  }

  /** As {@link #inspect(byte[], List, String)}, on a document loaded once for every check. */
  public static Report inspect(PDDocument doc, List<String> expected, String source) {
    return inspect(PdfText.read(doc), expected, source);
  }

  /** As {@link #inspect(byte[], List, String)}, on text read once for every check. */
  public static Report inspect(PdfText read, List<String> expected, String source) {
    PDDocument doc = read.document();
    List<Finding> findings = new ArrayList<>();
    List<PageBounds.OffPage> offPage = List.of();
    try {
      ContentTextStripper.Extraction extracted = read.extraction();
      offPage = PageBounds.check(extracted);
      var ligature = LIGATURES.matcher(extracted.drawn());
      if (ligature.find()) {
        String glyphs = extracted.drawn();
        findings.add(
            Finding.error(
                    "fidelity.ligature",
                    String.format(
                        "text drawn with ligature U+%04X, which readers extract as one character: '%s'",
                        (int) ligature.group().charAt(0),
                        glyphs
                            .substring(
                                Math.max(0, ligature.start() - 20),
                                Math.min(glyphs.length(), ligature.end() + 20))
                            .strip()))
                .at(source, 0)
                .withFix(
                    "use fonts without GSUB ligatures (see src/main/resources/fonts/README.md)"));
      }
      String content = normaliseLines(extracted.text());
      // For a right-to-left document the extracted text is already its lines as drawn.
      List<String> lines =
          ContentTextStripper.isRightToLeft(doc) ? extracted.text().lines().toList() : null;
      VisualLines drawn = lines == null ? null : new VisualLines(lines);
      // Glyphs drawn by id (ActualText spans: Nastaliq) are shaped by the font's own tables.
      String unjoined = lines == null ? "" : UnjoinedLetters.in(extracted.drawnAsCharacters());
      if (!unjoined.isEmpty()) {
        findings.add(
            Finding.error(
                    "fidelity.unjoined",
                    "Arabic-script letters drawn unjoined: "
                        + unjoined
                            .codePoints()
                            .distinct()
                            .collect(
                                StringBuilder::new,
                                StringBuilder::appendCodePoint,
                                StringBuilder::append))
                .at(source, 0)
                .withFix(
                    "shape with ArabicScriptShaper (a font with presentation forms is needed)"));
      }
      for (String text : expected) {
        String want = normalise(text);
        boolean found =
            drawn == null ? acrossLines(want).matcher(content).find() : drawn.contains(text);
        if (!want.isEmpty() && !found) {
          findings.add(
              Finding.error(
                      "fidelity.missing", "text not found in the PDF: '" + abbreviate(want) + "'")
                  .at(source, 0)
                  .withFix("check fonts cover every character and no CSS hides the text"));
        }
      }
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          if (font != null && !font.isEmbedded()) {
            findings.add(
                Finding.error("fonts.embedded", "font not embedded: " + font.getName())
                    .at(source, 0));
          }
        }
      }
    } catch (IOException e) {
      findings.add(readError(e, source));
    }
    return new Report(findings, offPage);
  }

  private static Finding readError(IOException e, String source) {
    return Finding.error("fidelity.read", "PDFBox cannot read the PDF: " + e.getMessage())
        .at(source, 0);
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "…";
  }
}
