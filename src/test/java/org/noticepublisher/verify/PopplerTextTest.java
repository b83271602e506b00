package org.noticepublisher.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticepublisher.Fixtures;
import org.noticepublisher.pipeline.Publication;

/**
 * Copy-paste in Evince and other poppler-based readers: {@code pdftotext} gives every word of a
 * right-to-left notice in reading order. poppler lays the text of an ActualText span across the
 * span's glyphs left to right, then reverses right-to-left runs, so a Nastaliq word drawn as one
 * span came out reversed letter by letter while PDFBox read it right. {@code .ci/run} installs
 * poppler-utils.
 */
class PopplerTextTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "children-and-young-people, ur",
    "standard, ur",
    "children-and-young-people, ar",
    "children-and-young-people, fa"
  })
  void pdftotextGivesEveryWordInReadingOrder(String variant, String locale, @TempDir Path dir)
      throws Exception {
    Publication p = Fixtures.produced(variant, locale);
    assertTrue(p.publishable(), () -> p.findings().toString());
    Path pdf = dir.resolve("notice.pdf");
    Files.write(pdf, p.pdf().orElseThrow().bytes());
    Set<String> extracted = words(pdftotext(pdf, dir.resolve("notice.txt")));
    Set<String> missing = new LinkedHashSet<>();
    for (String block : p.notice().orElseThrow().texts()) {
      for (String word : words(block)) {
        if (!extracted.contains(word)) {
          missing.add(word);
        }
      }
    }
    assertEquals(Set.of(), missing, "words of the notice that pdftotext does not give");
  }

  /** Words of {@code text}: letters, marks and digits between spaces and punctuation, NFKC. */
  static Set<String> words(String text) {
    String plain =
        Normalizer.normalize(text, Normalizer.Form.NFKC)
            // bidi embeddings, isolates and marks that pdftotext writes between runs, often in
            // place
            // of the space between a right-to-left word and a left-to-right one
            .replaceAll("[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]", " ");
    return Arrays.stream(plain.split("[^\\p{L}\\p{M}\\p{N}]+"))
        .filter(w -> w.codePointCount(0, w.length()) > 1)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  static String pdftotext(Path pdf, Path txt) throws IOException, InterruptedException {
    Process process;
    try {
      process =
          new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), txt.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new AssertionError("pdftotext is needed (Debian: apt-get install poppler-utils)", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pdftotext timed out");
    assertEquals(0, process.exitValue(), () -> "pdftotext failed: " + output);
    return Files.readString(txt, StandardCharsets.UTF_8);
  }
}
