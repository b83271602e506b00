package org.noticepublisher.assemble;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.noticepublisher.Finding;
import org.noticepublisher.NoticeId;

/**
 * One assembled notice: a self-contained HTML document and what later stages need to know about it.
 *
 * @param id which publication this is
 * @param lang BCP 47 language of the document
 * @param rightToLeft whether the document's base direction is right-to-left
 * @param title the document title (PDF title, HTML {@code <title>})
 * @param subject one-sentence description (PDF subject)
 * @param author the publishing organisation (PDF author)
 * @param html the accessible HTML document; also the input of the PDF renderer
 * @param texts the visible text of every block (heading, paragraph, list item), in reading order:
 *     the text a reader of the PDF must get back
 * @param draft whether the translation is an unreviewed draft
 * @param fallbacks keys served from another locale's bundle, and from which locale
 * @param fallback how many messages fell back and what share of the text they are
 * @param warnings problems that do not stop publication: untranslated messages shown from a
 *     fallback locale (missing organisation-profile facts are the pipeline's warnings, not the
 *     notice's)
 * @param stale keys shown whose translation was made from English that has changed since
 */
public record Notice(
    NoticeId id,
    String lang,
    boolean rightToLeft,
    String title,
    String subject,
    String author,
    String html,
    List<String> texts,
    boolean draft,
    Map<String, String> fallbacks,
    Fallback fallback,
    List<Finding> warnings,
    Set<String> stale) {

  /** The HTML elements that are blocks of text; {@link #texts} holds the innermost ones. */
  public static final String BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, th, td, figcaption";

  public Notice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(html, "html");
    texts = List.copyOf(texts);
    fallbacks = Map.copyOf(fallbacks);
    Objects.requireNonNull(fallback, "fallback");
    warnings = List.copyOf(warnings);
    stale = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(stale));
  }

  /** A notice with no stale translations. */
  public Notice(
      NoticeId id,
      String lang,
      boolean rightToLeft,
      String title,
      String subject,
      String author,
      String html,
      List<String> texts,
      boolean draft,
      Map<String, String> fallbacks,
      Fallback fallback,
      List<Finding> warnings) {
    this(
        id,
        lang,
        rightToLeft,
        title,
        subject,
        author,
        html,
        texts,
        draft,
        fallbacks,
        fallback,
        warnings,
        Set.of());
  }

  /**
   * Untranslated text of a notice.
   *
   * @param messages messages shown from another locale's bundle
   * @param share their share of the characters of all messages shown, 0 to 1
   */
  public record Fallback(int messages, double share) {
    public static final Fallback NONE = new Fallback(0, 0);

    public Fallback {
      if (messages < 0 || share < 0 || share > 1) {
        throw new IllegalArgumentException(
            "messages >= 0 and share in [0, 1]: " + messages + ", " + share);
      }
    }
  }
}
