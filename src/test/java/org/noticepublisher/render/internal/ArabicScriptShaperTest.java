package org.noticepublisher.render.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Normalizer2;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArabicScriptShaperTest {

  private static final String FONT = "/fonts/NotoNaskhArabic-Regular.ttf";
  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

  static Stream<Arguments> words() {
    return Stream.of(
        // Urdu: keheh, farsi yeh, heh goal, yeh barree, tteh, ddal, noon ghunna, heh doachashmee
        Arguments.of(
            "\u067E\u0627\u06A9\u0633\u062A\u0627\u0646", // پاکستان
            "\uFB58\uFE8E\uFB90\uFEB4\uFE98\uFE8E\uFEE5"),
        Arguments.of("\u06C1\u06D2", "\uFBA8\uFBAF"), // ہے
        Arguments.of("\u06A9\u06CC", "\uFB90\uFBFD"), // کی
        Arguments.of("\u0679\u06CC\u0644\u06CC", "\uFB68\uFBFF\uFEE0\uFBFD"), // ٹیلی
        Arguments.of("\u0688\u0627\u06A9", "\uFB88\uFE8D\uFB8E"), // ڈاک
        Arguments.of("\u0645\u06CC\u06BA", "\uFEE3\uFBFF\uFB9F"), // میں
        Arguments.of("\u0628\u06BE\u06CC", "\uFE91\uFBAD\uFBFD"), // بھی
        // Persian: gaf, peh, tcheh, jeh
        Arguments.of("\u06AF\u0632\u0627\u0631\u0634", "\uFB94\uFEB0\uFE8D\uFEAD\uFEB5"), // گزارش
        Arguments.of("\u067E\u0686", "\uFB58\uFB7B"), // پچ
        Arguments.of("\u0698\u0627\u0644\u0647", "\uFB8A\uFE8D\uFEDF\uFEEA"), // ژاله
        Arguments.of("\u06CC", "\uFBFC"), // ی
        // Arabic, including both lam-alef ligature forms
        Arguments.of(
            "\u0627\u0644\u0639\u0631\u0628\u064A\u0629", // العربية
            "\uFE8D\uFEDF\uFECC\uFEAE\uFE91\uFEF4\uFE94"),
        Arguments.of("\u0644\u0627", "\uFEFB"), // لا
        Arguments.of("\u0633\u0644\u0627\u0645", "\uFEB3\uFEFC\uFEE1"), // سلام
        Arguments.of("\u0623\u0644\u0622\u0646", "\uFE83\uFEF5\uFEE5"), // ألآن
        // ZWNJ breaks the join and survives; ZWJ and tatweel force one
        Arguments.of(
            "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", // می‌خواهم
            "\uFEE3\uFBFD\u200C\uFEA7\uFEEE\uFE8D\uFEEB\uFEE2"),
        Arguments.of("\u0628\u200D", "\uFE91\u200D"),
        Arguments.of("\u0640\u0628\u0640", "\u0640\uFE92\u0640"),
        // Harakat are transparent: the letters join across them and the marks stay put
        Arguments.of(
            "\u0628\u0650\u0633\u0652\u0645\u0650", // بِسْمِ
            "\uFE91\u0650\uFEB4\u0652\uFEE2\u0650"),
        Arguments.of("\u0644\u064E\u0627", "\uFEDF\u064E\uFE8E"), // lam-alef only when adjacent
        // Other scripts and unshaped Arabic-script letters pass through
        Arguments.of("abc 123, \u0710\u0712", "abc 123, \u0710\u0712"),
        Arguments.of("A\u0628B", "A\uFE8FB"));
  }

  @ParameterizedTest
  @MethodSource("words")
  void shapesToPresentationForms(String logical, String expected) {
    String shaped = ArabicScriptShaper.shape(logical);
    assertEquals(codePoints(expected), codePoints(shaped), logical);
    assertEquals(NFKC.normalize(logical), NFKC.normalize(shaped), "NFKC round trip of " + logical);
  }

  @Test
  void reordererShapesWithTheDerivedTablesAndDeshapesFormsA() {
    var reorderer = ArabicScriptShaper.reorderer();
    assertEquals("\uFB90\uFBFD", reorderer.shapeText("\u06A9\u06CC"));
    assertEquals("\u06CC\u06A9", reorderer.reorderRTLTextToLTR("\u06A9\u06CC"));
    assertEquals("\u06A9", reorderer.deshapeText("\uFB90"));
    assertEquals("\u0644\u0627", reorderer.deshapeText("\uFEFB"));
    assertTrue(reorderer.isLiveImplementation());
  }

  @Test
  void renderedPdfCarriesJoinedFormsAndExtractsToTheSourceText() throws IOException {
    List<String> lines =
        List.of(
            "\u067E\u0627\u06A9\u0633\u062A\u0627\u0646 \u0645\u06CC\u06BA \u0679\u06CC\u0644\u06CC"
                + " \u0627\u0648\u0631 \u0688\u0627\u06A9 \u06A9\u06CC \u0633\u06C1\u0648\u0644\u062A \u06C1\u06D2",
            "\u06AF\u0632\u0627\u0631\u0634 \u0698\u0627\u0644\u0647 \u067E\u0686"
                + " \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645",
            "\u0628\u0650\u0633\u0652\u0645\u0650 \u0627\u0644\u0639\u0631\u0628\u064A\u0629"
                + " \u0644\u0627 \u0633\u0644\u0627\u0645");
    String html =
        "<html lang=\"ur\" dir=\"rtl\"><head><style>body { font-family: naskh; font-size: 20pt; }"
            + "</style></head><body>"
            + lines.stream().map(l -> "<p>" + l + "</p>").collect(Collectors.joining())
            + "</body></html>";
    byte[] pdf = render(html);
    // Kept for eyeballing: pdftoppm -r 100 -png target/ArabicScriptShaperTest.pdf page
    Path out = Path.of("target", "ArabicScriptShaperTest.pdf");
    Files.createDirectories(out.getParent());
    Files.write(out, pdf);

    StringBuilder drawn = new StringBuilder();
    String extracted;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      // Glyph-level Unicode comes from the embedded font's ToUnicode map, before PDFBox normalizes
      // it.
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
              drawn.append(text.getUnicode());
              super.processTextPosition(text);
            }
          };
      extracted = stripper.getText(doc);
    }
    // PDFBox 3 already hands back logical order with presentation forms folded and no bidi
    // controls;
    // normalizing anyway keeps the check about content, not about the stripper's current habits.
    String logical =
        NFKC.normalize(extracted).replaceAll("[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]", "");
    for (String line : lines) {
      for (String word : line.split(" ")) {
        assertTrue(
            logical.contains(NFKC.normalize(word)), () -> "missing " + word + " in " + logical);
        String shaped = ArabicScriptShaper.shape(word);
        shaped
            .codePoints()
            .filter(cp -> cp >= 0xFB50)
            .forEach(
                cp ->
                    assertTrue(
                        drawn.indexOf(Character.toString(cp)) >= 0,
                        () -> String.format("U+%04X of %s was not drawn", cp, word)));
      }
    }
  }

  private static byte[] render(String html) throws IOException {
    assertNotNull(ArabicScriptShaperTest.class.getResource(FONT), FONT + " on the test classpath");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
    builder.useUnicodeBidiReorderer(ArabicScriptShaper.reorderer());
    builder.useFont(() -> ArabicScriptShaperTest.class.getResourceAsStream(FONT), "naskh");
    builder.withHtmlContent(html, null);
    builder.toStream(out);
    builder.run();
    return out.toByteArray();
  }

  private static List<String> codePoints(String s) {
    return s.codePoints().mapToObj(cp -> String.format("U+%04X", cp)).collect(Collectors.toList());
  }
}
