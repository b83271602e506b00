package org.noticepublisher.verify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
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

  private final Map<PDPage, Map<Integer, String>> markedText;
  private final Map<String, Object> roleMap;
  private final List<Block> blocks = new ArrayList<>();

  private TaggedBlocks(PDStructureTreeRoot root, Map<PDPage, Map<Integer, String>> markedText) {
    this.roleMap = root.getRoleMap();
    this.markedText = markedText;
    walk(root.getKids(), null);
  }

  /**
   * The blocks of {@code doc} in structure-tree order, their text taken from {@code extracted}'s
   * marked content (a span with /ActualText, a shaped run drawn by glyph id, stands for its
   * ActualText, not for the glyphs' own Unicode, which for conjuncts and reordered vowel signs is
   * not the text: ISO 32000-1, 14.9.4); empty for an untagged PDF.
   */
  public static List<Block> of(PDDocument doc, ContentTextStripper.Extraction extracted) {
    PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
    return root == null
        ? List.of()
        : List.copyOf(new TaggedBlocks(root, extracted.markedText()).blocks);
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
