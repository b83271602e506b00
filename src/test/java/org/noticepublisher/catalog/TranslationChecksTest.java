package org.noticepublisher.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticepublisher.Finding;
import org.noticepublisher.Fixtures;

/**
 * The translation QA checks: a fixture bundle with one defect per check gives exactly the findings
 * of {@code qa/expected-findings.txt}, each at its line; the project's own bundles give only the
 * documented warnings.
 */
class TranslationChecksTest {
  private static final Path QA = Path.of("src/test/resources/qa");

  @Test
  void oneFindingPerDefectAtItsLine() throws Exception {
    Bundle source = Bundle.load(QA.resolve("en-GB.properties"));
    Bundle pl = Bundle.load(QA.resolve("pl.properties"));
    List<Finding> findings = new ArrayList<>(BundleLint.check(pl, source));
    findings.addAll(TranslationChecks.against(source).check(pl));
    findings.addAll(TranslationChecks.against(source).check(source));
    String got =
        String.join(
                "\n",
                findings.stream().map(f -> f.toString().replace(QA.toString() + "/", "")).toList())
            + "\n";
    assertEquals(Files.readString(QA.resolve("expected-findings.txt")), got);
  }

  @Test
  void theShippedBundlesGiveOnlyTheDocumentedWarnings() {
    Catalog catalog = Fixtures.pipeline().catalog();
    TranslationChecks qa = TranslationChecks.against(catalog.source());
    List<Finding> findings = new ArrayList<>();
    for (String locale : catalog.locales()) {
      Bundle b = catalog.bundle(locale).orElseThrow();
      if (!b.generated()) {
        findings.addAll(qa.check(b));
      }
    }
    // The English of these two runs on into a contact block or a link without punctuation; the
    // translations end them with a colon or full stop (README: translators' findings).
    for (Finding f : findings) {
      assertTrue(
          !f.isError()
              && Set.of("contact.complaint", "other-notices.p.1").contains(f.code())
              && f.message().startsWith("ends with"),
          f.toString());
    }
    assertEquals(12, findings.size(), findings.toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case | English | translation | words of the one finding, or empty for none
        "zero-width space | Your data. | Twoje\u200Bdane. | invisible character U+200B",
        "control character | Your data. | Twoje\u0007dane. | invisible character U+0007",
        "not NFC | Your data. | Twoje dane – cafe\u0301. | not in Unicode normal form C",
        "ZWNJ is Persian orthography | Your data. | Twoje\u200Cdane. | ",
        "Arabic question mark | Do you agree? | هل توافق؟ | ",
        "Urdu full stop | Your data. | آپ کا ڈیٹا۔ | ",
        "ideographic full stop | Your data. | あなたのデータ。 | ",
        "closing quote after the stop | Your ‘data.’ | Twoje „dane.” | ",
        "lost full stop | Your data. | Twoje dane | ends with no punctuation but the source ends with a full stop",
        "Persian digits carry the number | Act 2018. | قانون ۲۰۱۸. | ",
        "dropped number | Act 2018. | Ustawa. | the number 2018 of the source is missing",
        "changed web address | See https://ico.org.uk now. | Zobacz https://ico.gov.uk teraz. | the web address https://ico.org.uk",
        "branch lost its space | {n, plural, one {# day} other {# days}} left. | {n, plural, one {# dzień} few {# dni } many {# dni} other {# dnia}} zostało. | white space at the start or end of the 'few' branch",
        "plural became plain | {n, plural, one {# day} other {# days}} | {n} dni | {n} is plain text here but a plural in the source"
      })
  void pathologicalText(
      String name, String english, String translated, String why, @TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("en-GB.properties"), "k = " + english + "\n");
    Path file =
        Files.writeString(
            dir.resolve(
                name.contains("Persian") || name.contains("ZWNJ")
                    ? "fa.properties"
                    : name.contains("Arabic")
                        ? "ar.properties"
                        : name.contains("Urdu")
                            ? "ur.properties"
                            : name.contains("ideographic") ? "ja.properties" : "pl.properties"),
            "k = " + translated + "\n");
    Bundle source = Bundle.load(dir.resolve("en-GB.properties"));
    List<Finding> findings =
        TranslationChecks.against(source).check(Bundle.load(file)).stream()
            .filter(f -> !f.message().contains("lacks") && !f.message().contains("never selected"))
            .toList();
    if (why == null) {
      assertEquals(List.of(), findings);
    } else {
      assertEquals(1, findings.size(), findings.toString());
      assertTrue(findings.get(0).message().contains(why), findings.get(0).message());
      assertEquals(1, findings.get(0).line());
    }
  }
}
