package org.noticepublisher.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.noticepublisher.Fixtures;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.pipeline.Publication;

/**
 * Every variant in every locale made for PDF/UA-2: one render each, which the pipeline validates
 * against veraPDF's PDF/UA-2, WTPDF 1.0 accessibility and PDF/A-4 profiles and checks for text
 * fidelity and fonts exactly as it does the default files; and the WCAG 2.2 machine profile, as the
 * default files.
 */
class PdfUa2MatrixTest {
  static final Layout UA2 = Layout.DEFAULT.withStandard(Layout.Standard.UA2);

  static Stream<Arguments> matrix() {
    return MatrixTest.matrix();
  }

  static Publication produced(String variant, String locale) {
    return Fixtures.produced(new NoticeId(variant, locale), UA2);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("matrix")
  void passesPdfUa2WtpdfAndPdfA4WithTheSameTextAsTheDefault(String variant, String locale)
      throws Exception {
    Publication p = produced(variant, locale);
    assertEquals(List.of(), p.verdict().errors(), "veraPDF ua2 + wt1a + 4, text fidelity, fonts");
    assertEquals("PDF/UA-2 + WTPDF 1.0 accessibility + PDF/A-4", p.verdict().checks().get(0));
    assertTrue(p.verdict().checks().contains("text fidelity"), p.verdict().checks().toString());
    byte[] pdf = p.pdf().orElseThrow().bytes();
    assertEquals("%PDF-2.0", new String(Arrays.copyOf(pdf, 8), StandardCharsets.ISO_8859_1));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertEquals(locale, doc.getDocumentCatalog().getLanguage(), "/Lang");
    }
    // The conversion touches metadata and structure only: a reader gets the same text.
    Publication ua1 = Fixtures.produced(variant, locale);
    assertEquals(
        PdfInspection.contentText(ua1.pdf().orElseThrow().bytes()),
        PdfInspection.contentText(pdf),
        "text as a reader gets it, PDF/UA-1 vs PDF/UA-2");
    assertEquals(ua1.pdf().orElseThrow().pages(), p.pdf().orElseThrow().pages(), "pages");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("matrix")
  void passesTheWcag22MachineProfile(String variant, String locale) {
    Publication p = produced(variant, locale);
    assertEquals(
        List.of(),
        Fixtures.wcag().validate(p.pdf().orElseThrow().bytes(), variant + "/" + locale + " ua2"));
  }
}
