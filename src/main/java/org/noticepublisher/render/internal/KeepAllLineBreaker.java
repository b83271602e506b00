package org.noticepublisher.render.internal;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import com.openhtmltopdf.extend.FSTextBreaker;

/**
 * Line breaking that never splits a word, as CSS {@code word-break: keep-all} does: Korean is
 * written with spaces between words, and modern Korean typesetting wraps at those spaces, not
 * between any two syllables as the default UAX #14 rules allow. ICU4J ignores the {@code
 * lw=keepall} locale keyword, so ICU's break opportunities are filtered here: only those after a
 * space or a dash are kept (a word and the bracket that follows it, as in 말합니다(예:, stay together).
 */
public final class KeepAllLineBreaker implements FSTextBreaker {
  private final BreakIterator breaks;
  private String text = "";

  public KeepAllLineBreaker(ULocale locale) {
    this.breaks = BreakIterator.getLineInstance(locale);
  }

  @Override
  public void setText(String newText) {
    text = newText;
    breaks.setText(newText);
  }

  @Override
  public int next() {
    int at = breaks.next();
    while (at != BreakIterator.DONE && at > 0 && at < text.length() && !afterSpaceOrDash(at)) {
      at = breaks.next();
    }
    return at;
  }

  private boolean afterSpaceOrDash(int at) {
    int before = text.codePointBefore(at);
    return Character.isWhitespace(before)
        || before == '-'
        || before == '\u2010'
        || before == '\u2013'
        || before == '\u2014'
        || before == '/';
  }

  /** Languages whose words are separated by spaces but whose default rules break inside words. */
  public static boolean wanted(String language) {
    return language.equals("ko");
  }
}
