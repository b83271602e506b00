package org.noticepublisher.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.noticepublisher.Finding;
import org.noticepublisher.Fixtures;
import org.noticepublisher.pipeline.Publication;

/** Every variant in every locale: compliant, text-faithful, in the right language and direction. */
class MatrixTest {
  private static final List<String> RIGHT_TO_LEFT = List.of("ar", "fa", "ur", "ar-XB");

  static Stream<Arguments> matrix() {
    return Fixtures.pipeline().matrix(List.of(), List.of()).stream()
        .map(id -> Arguments.of(id.variant(), id.locale()));
  }

  @Test
  void theMatrixIsThreeVariantsByFifteenLocales() {
    assertEquals(
        List.of(
            "en-GB", "ar", "bn", "fa", "gu", "ko", "pa", "pl", "ro", "ta", "uk", "ur", "ar-XB",
            "en-XA", "en-XK"),
        Fixtures.pipeline().catalog().locales());
    assertEquals(45, matrix().count());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("matrix")
  void publishableWithTheRightLanguageAndDirection(String variant, String locale) throws Exception {
    Publication p = Fixtures.produced(variant, locale);
    List<Finding> errors = p.verdict().errors();
    assertEquals(List.of(), errors, "veraPDF PDF/UA-1 + PDF/A-2a, text fidelity, fonts");
    try (PDDocument doc = Loader.loadPDF(p.pdf().orElseThrow().bytes())) {
      assertEquals(locale, doc.getDocumentCatalog().getLanguage(), "/Lang");
    }
    Element html = Jsoup.parse(p.notice().orElseThrow().html()).selectFirst("html");
    assertEquals(locale, html.attr("lang"));
    assertEquals(RIGHT_TO_LEFT.contains(locale) ? "rtl" : "ltr", html.attr("dir"));
    boolean english = locale.equals("en-GB");
    assertEquals(!english, p.notice().orElseThrow().draft(), "translations are drafts");
    assertTrue(
        p.notice().orElseThrow().fallbacks().isEmpty(),
        () -> "every message translated: " + p.notice().orElseThrow().fallbacks());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("matrix")
  void passesTheWcag22MachineProfile(String variant, String locale) throws Exception {
    Publication p = Fixtures.produced(variant, locale);
    assertEquals(
        List.of(), Fixtures.wcag().validate(p.pdf().orElseThrow().bytes(), variant + "/" + locale));
  }
}
