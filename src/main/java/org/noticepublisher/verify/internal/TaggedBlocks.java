package org.noticepublisher.verify.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;
import org.jspecify.annotations.Nullable;

/**
 * The PDF's logical content as a screen reader walks it: the innermost block elements of the
 * structure tree (paragraphs, headings, list bodies, cells …) in tree order, each with the text of
 * the marked content it owns. Inline elements (Span, Link …) count towards the block they sit in.
 *
 * <p>Text inside one marked-content sequence is in drawing order, which for right-to-left lines is
 * the visual order; callers compare it accordingly.
 */
public final class TaggedBlocks {
  /** Standard structure types that sit inside a block, not being one (ISO 32000-1, 14.8.4). */
  private static final Set<String> INLINE =
      Set.of(
          "Span",
          "Link",
          "Quote",
          "Code",
          "Reference",
          "Note",
          "BibEntry",
          "Annot",
          "Ruby",
          "RB",
          "RT",
          "RP",
          "Warichu",
          "WT",
          "WP",
          "Figure",
          "Formula",
          "Form");

  /** One innermost block: its standard structure type (role map applied) and its text. */
  public record Block(String type, String text) {}

  private final Map<PDPage, Map<Integer, String>> markedText = new HashMap<>();
  private final Map<String, Object> roleMap;
  private final List<Block> blocks = new ArrayList<>();

  private TaggedBlocks(PDDocument doc, PDStructureTreeRoot root) throws IOException {
    this.roleMap = root.getRoleMap();
    for (PDPage page : doc.getPages()) {
      PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
      extractor.processPage(page);
      Map<Integer, String> byId = new HashMap<>();
      for (PDMarkedContent content : extractor.getMarkedContents()) {
        collect(content, byId);
      }
      markedText.put(page, byId);
    }
    walk(root.getKids(), null);
  }

  /** The blocks of {@code doc} in structure-tree order; empty for an untagged PDF. */
  public static List<Block> of(PDDocument doc) throws IOException {
    PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
    return root == null ? List.of() : List.copyOf(new TaggedBlocks(doc, root).blocks);
  }

  /**
   * Records the text of {@code content} under its MCID and returns it. A span with /ActualText (a
   * shaped run drawn by glyph id) stands for its ActualText, not for the glyphs' own Unicode, which
   * for conjuncts and reordered vowel signs is not the text (ISO 32000-1, 14.9.4).
   */
  private static String collect(PDMarkedContent content, Map<Integer, String> byId) {
    StringBuilder text = new StringBuilder();
    for (Object o : content.getContents()) {
      if (o instanceof TextPosition t) {
        text.append(t.getUnicode());
      } else if (o instanceof PDMarkedContent inner) {
        String innerText = collect(inner, byId);
        // An artifact is no content; an inner MCID is recorded on its own.
        if (inner.getMCID() < 0 && !"Artifact".equals(inner.getTag())) {
          text.append(innerText);
        }
      }
    }
    String result = content.getActualText() != null ? content.getActualText() : text.toString();
    if (content.getMCID() >= 0) {
      byId.merge(content.getMCID(), result, String::concat);
    }
    return result;
  }

  /** Walks a list of kids; returns whether a block was found among them or below. */
  private boolean walk(List<Object> kids, @Nullable PDPage page) {
    boolean block = false;
    for (Object kid : kids) {
      if (kid instanceof PDStructureElement e) {
        block |= element(e, e.getPage() == null ? page : e.getPage());
      }
    }
    return block;
  }

  private boolean element(PDStructureElement e, @Nullable PDPage page) {
    boolean blockBelow = walk(e.getKids(), page);
    String type = standardType(e.getStructureType());
    if (INLINE.contains(type) || blockBelow) {
      return blockBelow;
    }
    blocks.add(new Block(type, text(e, page)));
    return true;
  }

  private String text(PDStructureElement e, @Nullable PDPage page) {
    StringBuilder out = new StringBuilder();
    for (Object kid : e.getKids()) {
      if (kid instanceof Integer mcid) {
        out.append(textOf(page, mcid));
      } else if (kid instanceof PDMarkedContentReference ref) {
        out.append(textOf(ref.getPage() == null ? page : ref.getPage(), ref.getMCID()));
      } else if (kid instanceof PDStructureElement inner) {
        out.append(text(inner, inner.getPage() == null ? page : inner.getPage()));
      }
    }
    return out.toString();
  }

  private String textOf(@Nullable PDPage page, int mcid) {
    return page == null ? "" : markedText.getOrDefault(page, Map.of()).getOrDefault(mcid, "");
  }

  /** Follows the role map (custom type → standard type), guarding against cycles. */
  private String standardType(String type) {
    String t = type;
    for (int i = 0; i < 10 && roleMap.get(t) instanceof String mapped; i++) {
      t = mapped;
    }
    return t == null ? "" : t;
  }
}
