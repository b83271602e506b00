package org.noticepublisher.server;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One notice in one layout, as its page and {@code /api/notices/…} report it. What a failed stage
 * did not make is null ({@code pages}, {@code bytes}, {@code draft}).
 *
 * @param layout the layout's label ("a4", "a5-large-print", …)
 * @param lang the notice's language tag
 * @param dir "rtl" or "ltr"
 * @param publishable whether it passed every check
 * @param bytes the PDF's size
 * @param draft whether it carries the draft note (its translation is not reviewed)
 * @param untranslated messages shown in English
 * @param checks the checks it passed, by name
 * @param errors how many findings are errors
 * @param readability figures of English text; null for other languages
 * @param published what is published of it in this layout, if anything
 * @param versioned whether the project is a git repository (and {@code history} can say anything)
 * @param history the latest commits to the files it reads, newest first
 * @param milliseconds time per stage of its render
 */
record NoticeReport(
    String variant,
    String locale,
    String name,
    String layout,
    String title,
    String lang,
    String dir,
    boolean publishable,
    @Nullable Integer pages,
    @Nullable Integer bytes,
    @Nullable Boolean draft,
    int untranslated,
    List<String> checks,
    int errors,
    List<FindingView> findings,
    @Nullable Readability readability,
    Links links,
    @Nullable Published published,
    boolean versioned,
    List<Change> history,
    Milliseconds milliseconds) {

  /** Readability figures, rounded to a tenth. */
  record Readability(double readingEase, double wordsPerSentence, int words, int sentences) {}

  /** The notice's own addresses, with the layout of the report. */
  record Links(String pdf, String download, String html, String json) {}

  /** One commit to the notice's sources. */
  record Change(String id, String author, String date, String message) {}

  /** Time per stage. */
  record Milliseconds(long assemble, long render, long verify) {}
}
