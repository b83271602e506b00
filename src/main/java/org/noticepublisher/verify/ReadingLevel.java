package org.noticepublisher.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.noticepublisher.Finding;
import org.noticepublisher.assemble.Variant;

/**
 * Readability of English text: Flesch reading ease and average sentence length, the measures the
 * GOV.UK style guide and the ICO children's code are usually held to. Each block of a notice
 * (heading, paragraph, list item) ends at least one sentence, as it does for a reader.
 */
public final class ReadingLevel {
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])[\"”’)]*\\s+");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}’'-]*");
  private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");

  private ReadingLevel() {}

  /**
   * The figures for a text.
   *
   * @param sentences sentences counted
   * @param words words counted
   * @param syllables syllables, estimated from vowel groups
   */
  public record Figures(int sentences, int words, int syllables) {
    public double wordsPerSentence() {
      return sentences == 0 ? 0 : (double) words / sentences;
    }

    /** Flesch reading ease: 206.835 − 1.015 × words/sentence − 84.6 × syllables/word. */
    public double readingEase() {
      return words == 0
          ? 0
          : 206.835 - 1.015 * wordsPerSentence() - 84.6 * ((double) syllables / words);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "reading ease %.1f, %.1f words a sentence (%d sentences, " + "%d words)",
          readingEase(),
          wordsPerSentence(),
          sentences,
          words);
    }
  }

  public static Figures measure(List<String> blocks) {
    int sentences = 0;
    int words = 0;
    int syllables = 0;
    for (String block : blocks) {
      for (String sentence : SENTENCE_END.split(block.strip())) {
        Matcher m = WORD.matcher(sentence);
        int inSentence = 0;
        while (m.find()) {
          inSentence++;
          syllables += syllables(m.group());
        }
        if (inSentence > 0) {
          sentences++;
          words += inSentence;
        }
      }
    }
    return new Figures(sentences, words, syllables);
  }

  /** Findings when the figures miss the variant's targets. */
  public static List<Finding> check(Figures f, Variant.Readability target, String source) {
    List<Finding> findings = new ArrayList<>();
    if (f.readingEase() < target.minReadingEase()) {
      findings.add(
          Finding.error(
                  "readability.ease",
                  String.format(
                      Locale.ROOT,
                      "Flesch reading ease %.1f is below the variant's minimum %.0f (%s)",
                      f.readingEase(),
                      target.minReadingEase(),
                      f))
              .at(source, 0)
              .withFix("use shorter sentences and everyday words"));
    }
    if (f.wordsPerSentence() > target.maxSentenceWords()) {
      findings.add(
          Finding.error(
                  "readability.sentences",
                  String.format(
                      Locale.ROOT,
                      "%.1f words a sentence is above the variant's maximum %.0f (%s)",
                      f.wordsPerSentence(),
                      target.maxSentenceWords(),
                      f))
              .at(source, 0)
              .withFix("split long sentences: one idea per sentence"));
    }
    return findings;
  }

  static int syllables(String word) {
    String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    if (w.isEmpty()) {
      return 1;
    }
    int count = 0;
    Matcher m = VOWELS.matcher(w);
    while (m.find()) {
      count++;
    }
    if (w.endsWith("e") && !w.endsWith("le") && count > 1) {
      count--;
    }
    return Math.max(1, count);
  }
}
