package org.noticepublisher.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.noticepublisher.Fixtures;
import org.noticepublisher.catalog.Bundle;
import org.noticepublisher.pipeline.Publication;

/** The reading time under each title: a real plural, in every language's own categories. */
class ReadingTimeTest {

  static Stream<Arguments> matrix() {
    return Fixtures.pipeline().matrix(List.of(), List.of()).stream()
        .map(id -> Arguments.of(id.variant(), id.locale()));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("matrix")
  void everyNoticeShowsItsReadingTimeUnderTheTitle(String variant, String locale) {
    Publication p = Fixtures.produced(variant, locale);
    Element main = Jsoup.parse(p.notice().orElseThrow().html()).selectFirst("main");
    Element line = main.selectFirst("h1 + p.reading-time");
    assertTrue(line != null, "a reading-time line right under the H1");
    String rest = main.text().replace(line.text(), "");
    int minutes = ReadingTime.minutes(rest, locale);
    if (!locale.equals("en-XK")) {
      // en-XK shows keys instead of sentences: its notices are short.
      assertTrue(minutes >= 3, "a whole notice takes minutes to read: " + minutes);
    }
    Bundle bundle = Fixtures.pipeline().catalog().bundle(locale).orElseThrow();
    String expected =
        new MessageFormat(
                bundle.pattern("document.readingTime").orElseThrow(),
                ULocale.forLanguageTag(locale))
            .format(Map.of("minutes", minutes));
    assertEquals(expected, line.text());
    assertTrue(p.notice().orElseThrow().texts().contains(expected), "checked in the PDF's text");
  }

  /** Each CLDR category of the language picks its own form: no number falls back to 'other'. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en-GB | 1 minute; 2 minutes; 7 minutes",
        "pl | około 1 minuty; około 3 minut; około 5 minut; około 22 minut; około 25 minut",
        "uk | приблизно 1 хвилину; приблизно 3 хвилини; приблизно 5 хвилин; приблизно 21 хвилину",
        "ro | aproximativ 1 minut; aproximativ 5 minute; aproximativ 20 de minute",
        "ar | دقيقة واحدة; دقيقتان; 3 دقائق; 11 دقيقة; 100 دقيقة",
        "ko | 약 1분; 약 12분",
        "ta | சுமார் 1 நிமிடம்; சுமார் 5 நிமிடங்கள்",
        "bn | প্রায় ১ মিনিট; প্রায় ৫ মিনিট",
        "gu | આશરે 1 મિનિટ; આશરે 5 મિનિટ",
        "pa | 1 ਮਿੰਟ ਲੱਗੇਗਾ; 5 ਮਿੰਟ ਲੱਗਣਗੇ"
      })
  void eachCategoryHasItsForm(String locale, String forms) {
    Bundle bundle = Fixtures.pipeline().catalog().bundle(locale).orElseThrow();
    MessageFormat f =
        new MessageFormat(
            bundle.pattern("document.readingTime").orElseThrow(), ULocale.forLanguageTag(locale));
    List<String> got = new ArrayList<>();
    for (String form : forms.split("; ")) {
      // (?U): Bengali forms carry Bengali digits, as ICU formats them for bn.
      String digits = form.replaceAll("(?U)\\D+", " ").strip();
      int n = digits.isEmpty() ? 0 : Integer.parseInt(digits.split(" ")[0]);
      String text = f.format(Map.of("minutes", n == 0 ? sampleFor(locale, form) : n));
      assertTrue(text.contains(form), locale + " " + n + ": " + text);
      got.add(text);
    }
    assertEquals(got.size(), got.stream().distinct().count());
  }

  private static int sampleFor(String locale, String form) {
    // Forms written without a digit (Arabic one and two) name the number in words.
    return form.equals("دقيقتان") ? 2 : 1;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en-GB | About five minutes to read. | 5",
        "ko | 읽는 데 약 5분 걸립니다 | 6",
        "ar | مدة القراءة: ٩ دقائق تقريبًا | 5",
        // Vowel signs and viramas belong to their word: a split would count a word twice.
        "ta | படிக்கச் சுமார் 5 நிமிடங்கள் ஆகும் | 5",
        "bn | পড়তে প্রায় ৫ মিনিট লাগবে | 5"
      })
  void wordsAreCountedWithTheLanguagesWordBreaker(String locale, String text, int words) {
    assertEquals(words, ReadingTime.words(text, locale));
    assertEquals(1, ReadingTime.minutes(text, locale));
    assertEquals(2, ReadingTime.minutes("word ".repeat(ReadingTime.WORDS_PER_MINUTE + 1), locale));
  }
}
