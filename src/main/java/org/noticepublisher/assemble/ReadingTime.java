package org.noticepublisher.assemble;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * The estimated reading time shown under each notice's title ({@code document.readingTime}): the
 * notice's words, counted with ICU's word breaker for its language (so Korean and Arabic count as
 * readers see them), at {@value #WORDS_PER_MINUTE} words a minute, rounded up, at least a minute.
 */
public final class ReadingTime {
  /** The message argument that carries the minutes. */
  public static final String ARGUMENT = "minutes";

  /** A common estimate for adults reading non-fiction for understanding. */
  public static final int WORDS_PER_MINUTE = 200;

  private ReadingTime() {}

  public static int minutes(String text, String locale) {
    return Math.max(1, (words(text, locale) + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
  }

  /** Words of {@code text}: the word breaker's segments that hold letters, digits or ideographs. */
  public static int words(String text, String locale) {
    BreakIterator it = BreakIterator.getWordInstance(ULocale.forLanguageTag(locale));
    it.setText(text);
    int words = 0;
    it.first();
    for (int end = it.next(); end != BreakIterator.DONE; end = it.next()) {
      if (it.getRuleStatus() != BreakIterator.WORD_NONE) {
        words++;
      }
    }
    return words;
  }
}
