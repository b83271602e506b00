package org.noticepublisher.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadingLevelTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // text | sentences | words | syllables
        "The cat sat on the mat. | 1 | 6 | 6",
        "We keep it safe. You can ask us. | 2 | 8 | 8",
        "Information about you | 1 | 3 | 7",
        "Is it right? Yes! | 2 | 4 | 4",
        "Children’s social care, education and SEND | 1 | 6 | 11"
      })
  // Syllables are estimated from vowel groups, as readability tools do; the table pins the
  // estimate.
  void countsSentencesWordsAndSyllables(String text, int sentences, int words, int syllables) {
    ReadingLevel.Figures f = ReadingLevel.measure(List.of(text));
    assertEquals(
        List.of(sentences, words, syllables), List.of(f.sentences(), f.words(), f.syllables()));
  }

  @org.junit.jupiter.api.Test
  void fleschReadingEaseFollowsTheFormula() {
    ReadingLevel.Figures f = new ReadingLevel.Figures(1, 6, 6);
    assertEquals(206.835 - 1.015 * 6 - 84.6, f.readingEase(), 1e-9);
  }
}
