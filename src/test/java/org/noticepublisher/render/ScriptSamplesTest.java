package org.noticepublisher.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Notice;
import org.noticepublisher.verify.TextFidelity;

/**
 * One sample per script, rendered on its own and read back with PDFBox: the extracted text must be
 * exactly the source once NFKC-normalised (Arabic presentation forms back to letters) and stripped
 * of bidi controls. Urdu and Persian letters that ICU's shaping alone leaves unjoined are included,
 * and for Arabic script every letter must have been drawn in its joined (presentation) form.
 */
class ScriptSamplesTest {
  private static final PdfRenderer RENDERER = PdfRenderer.create();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Latin (Polish, Romanian) | pl | false | Zażółć gęślą jaźń; în școală și țară",
        "Cyrillic (Ukrainian) | uk | false | Ґанок, їжак, єнот і ще щось: 2026 рік",
        "Arabic | ar | true | يحق لك طلب نسخة من بياناتك الشخصية لدى الهيئة",
        "Urdu | ur | true | پاکستان میں ٹیلی فون اور ڈاک کی سہولت ہے",
        "Persian | fa | true | گزارش پچ ژاله می‌خواهم کودک",
        "Korean | ko | false | 개인정보 처리방침을 안내합니다"
      })
  void extractedTextIsTheSource(String script, String lang, boolean rtl, String sample)
      throws Exception {
    String html =
        "<!DOCTYPE html><html lang=\""
            + lang
            + "\" dir=\""
            + (rtl ? "rtl" : "ltr")
            + "\"><head><meta charset=\"UTF-8\"/><title>"
            + script
            + "</title>"
            + "<meta name=\"subject\" content=\"sample\"/><style>html { font-family: 'Noto Sans', "
            + "'Noto Naskh Arabic', 'NanumGothic'; } :lang(ar), :lang(fa), :lang(ur) { font-family: "
            + "'Noto Naskh Arabic', 'Noto Sans'; }</style></head><body><p>"
            + sample
            + "</p></body></html>";
    Notice notice =
        new Notice(
            new NoticeId("sample", lang),
            lang,
            rtl,
            script,
            "sample",
            "test",
            html,
            List.of(sample),
            false,
            Map.of(),
            Notice.Fallback.NONE,
            List.of());
    RenderedPdf pdf = RENDERER.render(notice, LocalDate.of(2026, 1, 1));
    try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
      StringBuilder glyphs = new StringBuilder();
      String extracted =
          new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
              glyphs.append(text.getUnicode());
              super.processTextPosition(text);
            }
          }.getText(doc);
      assertEquals(
          TextFidelity.normalise(sample).replace("\u200C", ""),
          TextFidelity.normalise(extracted).replace("\u200C", ""));
      if (rtl) {
        // NFKC (and PDFBox's own text output) folds joined and unjoined letters alike, so check the
        // drawn glyphs: every letter must be a presentation form (initial, medial, final,
        // isolated).
        String unshaped =
            glyphs
                .codePoints()
                .filter(cp -> cp >= 0x0620 && cp <= 0x06FF && Character.isLetter(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        assertEquals("", unshaped, "letters drawn without shaping");
      }
    }
  }
}
