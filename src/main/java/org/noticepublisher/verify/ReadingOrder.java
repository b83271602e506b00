package org.noticepublisher.verify;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.Jsoup;
import org.noticepublisher.Finding;
import org.noticepublisher.assemble.Notice;
import org.noticepublisher.verify.internal.TaggedBlocks;

/**
 * Reading order: a screen reader reads a tagged PDF in the order of its structure tree, whatever
 * the page shows. CSS that moves a block (absolute position, a float) can move it in the tree too.
 * Here every text of the notice, in document order, must be one tagged block, and the blocks must
 * come in that order; the headings (H1, H2) must be those of the HTML twin, in the same order.
 *
 * <p>Blocks are compared by their letters and digits: white space and line breaks fall where the
 * renderer chose. Right-to-left text is stored in drawing (visual) order, so there the letters are
 * compared as a multiset: it tells blocks apart, and their inner order is checked by {@link
 * TextFidelity}.
 */
public final class ReadingOrder {
  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  private static final Set<String> HEADINGS = Set.of("H1", "H2");
  private static final String HTML_HEADINGS = "h1, h2";

  private ReadingOrder() {}

  /** Findings for texts not a tagged block or not in order, and for differing headings. */
  public static List<Finding> check(byte[] pdf, Notice notice, String source) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return check(doc, notice, source);
    } catch (IOException e) {
      return List.of(readError(e, source));
    }
  }

  /** As {@link #check(byte[], Notice, String)}, on a document loaded once for every check. */
  public static List<Finding> check(PDDocument doc, Notice notice, String source) {
    return check(PdfText.read(doc), notice, source);
  }

  /** As {@link #check(byte[], Notice, String)}, on text read once for every check. */
  public static List<Finding> check(PdfText text, Notice notice, String source) {
    List<TaggedBlocks.Block> blocks;
    try {
      blocks = TaggedBlocks.of(text.document(), text.extraction());
    } catch (IOException e) {
      return List.of(readError(e, source));
    }
    boolean rtl = notice.rightToLeft();
    List<Finding> findings = new ArrayList<>(blockOrder(notice.texts(), blocks, rtl, source));
    List<String> htmlHeadings =
        Jsoup.parse(notice.html()).select(HTML_HEADINGS).stream()
            .map(h -> h.tagName().toUpperCase(java.util.Locale.ROOT) + " " + key(h.text(), rtl))
            .toList();
    List<String> pdfHeadings =
        blocks.stream()
            .filter(b -> HEADINGS.contains(b.type()))
            .map(b -> b.type() + " " + key(b.text(), rtl))
            .toList();
    headings(htmlHeadings, pdfHeadings, notice, blocks, source).ifPresent(findings::add);
    return findings;
  }

  private static List<Finding> blockOrder(
      List<String> texts, List<TaggedBlocks.Block> blocks, boolean rtl, String source) {
    Map<String, Deque<Integer>> where = new HashMap<>();
    for (int i = 0; i < blocks.size(); i++) {
      where.computeIfAbsent(key(blocks.get(i).text(), rtl), k -> new ArrayDeque<>()).add(i);
    }
    List<Finding> findings = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    List<String> located = new ArrayList<>();
    for (String text : texts) {
      String key = key(text, rtl);
      if (key.isEmpty()) {
        continue;
      }
      Deque<Integer> at = where.get(key);
      if (at == null || at.isEmpty()) {
        findings.add(
            Finding.error(
                    "order.untagged",
                    "text is not one tagged block in the PDF: '" + abbreviate(text) + "'")
                .at(source, 0)
                .withFix(
                    "keep each paragraph, heading and list item a block of its own in the HTML"));
      } else {
        positions.add(at.poll());
        located.add(text);
      }
    }
    boolean[] inOrder = longestIncreasing(positions);
    for (int i = 0; i < positions.size(); i++) {
      if (!inOrder[i]) {
        long more =
            java.util.stream.IntStream.range(i + 1, positions.size())
                .filter(j -> !inOrder[j])
                .count();
        // Named by the notice's own text: a right-to-left block in the PDF is in visual order.
        int at = positions.get(i);
        int before = -1;
        for (int j = 0; j < positions.size(); j++) {
          if (positions.get(j) < at && (before < 0 || positions.get(j) > positions.get(before))) {
            before = j;
          }
        }
        String after = before < 0 ? "first" : "after '" + abbreviate(located.get(before)) + "'";
        findings.add(
            Finding.error(
                    "order.moved",
                    "read out of order: '"
                        + abbreviate(located.get(i))
                        + "' is tagged "
                        + after
                        + (more == 0
                            ? ""
                            : " (and " + more + " more text" + (more == 1 ? "" : "s") + ")"))
                .at(source, 0)
                .withFix(
                    "do not move blocks with CSS (position: absolute, float, order): a screen "
                        + "reader reads the structure tree, which follows the layout"));
        break;
      }
    }
    return findings;
  }

  private static java.util.Optional<Finding> headings(
      List<String> html,
      List<String> pdf,
      Notice notice,
      List<TaggedBlocks.Block> blocks,
      String source) {
    if (html.equals(pdf)) {
      return java.util.Optional.empty();
    }
    List<String> htmlText =
        Jsoup.parse(notice.html()).select(HTML_HEADINGS).stream()
            .map(
                h ->
                    h.tagName().toUpperCase(java.util.Locale.ROOT)
                        + " '"
                        + abbreviate(h.text())
                        + "'")
            .toList();
    List<String> pdfText =
        blocks.stream()
            .filter(b -> HEADINGS.contains(b.type()))
            .map(b -> b.type() + " '" + abbreviate(normalise(b.text())) + "'")
            .toList();
    int i = 0;
    while (i < html.size() && i < pdf.size() && html.get(i).equals(pdf.get(i))) {
      i++;
    }
    String want = i < htmlText.size() ? htmlText.get(i) : "no more headings";
    String got = i < pdfText.size() ? pdfText.get(i) : "no more headings";
    return java.util.Optional.of(
        Finding.error(
                "order.headings",
                "heading " + (i + 1) + " of the HTML twin is " + want + ", the PDF's is " + got)
            .at(source, 0)
            .withFix("keep headings in document order and let h1/h2 be the only H1/H2 in the PDF"));
  }

  private static Finding readError(IOException e, String source) {
    return Finding.error("order.read", "PDFBox cannot read the PDF: " + e.getMessage())
        .at(source, 0);
  }

  /** Marks the elements of one longest strictly increasing subsequence (patience sorting). */
  static boolean[] longestIncreasing(List<Integer> values) {
    int n = values.size();
    int[] tails = new int[n];
    int[] previous = new int[n];
    int length = 0;
    for (int i = 0; i < n; i++) {
      int lo = 0;
      int hi = length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (values.get(tails[mid]) < values.get(i)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      previous[i] = lo > 0 ? tails[lo - 1] : -1;
      tails[lo] = i;
      length = Math.max(length, lo + 1);
    }
    boolean[] marked = new boolean[n];
    for (int i = length == 0 ? -1 : tails[length - 1]; i >= 0; i = previous[i]) {
      marked[i] = true;
    }
    return marked;
  }

  /**
   * What identifies a text: its letters and digits, NFKC, case-folded; sorted for right-to-left
   * text (drawn in visual order, its letters are in no reliable order).
   */
  static String key(String text, boolean rightToLeft) {
    int[] letters =
        NFKC.normalize(text)
            .codePoints()
            .filter(Character::isLetterOrDigit)
            .map(cp -> UCharacter.foldCase(cp, true))
            .toArray();
    if (rightToLeft) {
      Arrays.sort(letters);
    }
    return new String(letters, 0, letters.length);
  }

  private static String normalise(String text) {
    return NFKC.normalize(text).replaceAll("\\s+", " ").strip();
  }

  private static String abbreviate(String s) {
    String t = s.strip();
    return t.length() <= 60 ? t : t.substring(0, 57) + "…";
  }
}
