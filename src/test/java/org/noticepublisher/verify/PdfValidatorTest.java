package org.noticepublisher.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.noticepublisher.Finding;
import org.noticepublisher.Fixtures;
import org.noticepublisher.assemble.Layout;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The validator parses only the profiles it needs and builds its veraPDF validator itself. Its
 * verdict must be veraPDF's own, rule for rule: here a good notice and notices broken on purpose go
 * through both it and veraPDF's stock route (every profile from veraPDF's directory), and every
 * assertion count and failed assertion must agree; the broken ones must fail the rules named.
 */
class PdfValidatorTest {
  private static byte[] good;

  @BeforeAll
  static void render() {
    good = Fixtures.produced("standard", "en-GB").pdf().orElseThrow().bytes();
  }

  static List<Arguments> pdfs() {
    return List.of(
        Arguments.of("compliant", (Consumer<PDDocument>) doc -> {}, Set.of()),
        Arguments.of(
            "no /Lang",
            (Consumer<PDDocument>)
                doc -> doc.getDocumentCatalog().getCOSObject().removeItem(COSName.LANG),
            // Every text, annotation contents and the outline now lacks a language.
            Set.of(
                "ISO 14289-1:2014 7.2-2",
                "ISO 14289-1:2014 7.2-24",
                "ISO 14289-1:2014 7.2-33",
                "ISO 14289-1:2014 7.2-34")),
        Arguments.of(
            "not marked",
            (Consumer<PDDocument>)
                doc -> doc.getDocumentCatalog().getCOSObject().removeItem(COSName.MARK_INFO),
            Set.of("ISO 14289-1:2014 6.2-1", "ISO 19005-2:2011 6.7.2.2-1")),
        Arguments.of(
            "title not shown",
            (Consumer<PDDocument>)
                doc -> {
                  PDDocumentCatalog catalog = doc.getDocumentCatalog();
                  catalog.getCOSObject().removeItem(COSName.VIEWER_PREFERENCES);
                },
            Set.of("ISO 14289-1:2014 7.1-10")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pdfs")
  void agreesWithVeraPdfsOwnRouteRuleForRule(
      String name, Consumer<PDDocument> damage, Set<String> failing) throws Exception {
    byte[] pdf = damaged(damage);
    PdfValidator validator = PdfValidator.publishingStandards(Layout.Standard.UA1);

    List<String> ours = summary(validator.results(pdf));
    List<String> stock = summary(stockResults(pdf, PdfValidator.PUBLISHING_STANDARDS));

    assertEquals(stock, ours, "same assertions as veraPDF's own route");
    Set<String> rules = new TreeSet<>();
    List<Finding> findings = validator.validate(pdf, name);
    findings.stream().map(Finding::code).forEach(rules::add);
    assertEquals(failing, rules, "failed rules");
    assertEquals(
        findings, validator.validateAsync(pdf, name).findings(), "the same on veraPDF's thread");
  }

  private static byte[] damaged(Consumer<PDDocument> damage) throws IOException {
    try (PDDocument doc = Loader.loadPDF(good)) {
      damage.accept(doc);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** veraPDF's results the way its documentation shows: the foundry, the flavours by name. */
  private static List<ValidationResult> stockResults(byte[] pdf, List<PDFAFlavour> flavours)
      throws Exception {
    try (PDFAParser parser =
            Foundries.defaultInstance()
                .createParser(
                    new ByteArrayInputStream(pdf),
                    flavours.get(0),
                    flavours.get(flavours.size() - 1));
        PDFAValidator validator = Foundries.defaultInstance().createValidator(flavours)) {
      return validator.validateAll(parser);
    }
  }

  /** Per standard: compliance, how many assertions ran, and every failed one with where. */
  private static List<String> summary(List<ValidationResult> results) {
    List<String> lines = new ArrayList<>();
    for (ValidationResult r : results) {
      lines.add(
          r.getPDFAFlavour()
              + " compliant="
              + r.isCompliant()
              + " assertions="
              + r.getTotalAssertions());
      Map<String, Integer> failed = new TreeMap<>();
      r.getFailedChecks()
          .forEach((id, n) -> failed.put(id.getClause() + "-" + id.getTestNumber(), n));
      lines.add("  failed " + failed);
      for (TestAssertion a : r.getTestAssertions()) {
        lines.add(
            "  "
                + a.getStatus()
                + " "
                + a.getRuleId().getClause()
                + "-"
                + a.getRuleId().getTestNumber()
                + " #"
                + a.getOrdinal()
                + " at "
                + (a.getLocation() == null ? "" : a.getLocation().getContext()));
      }
    }
    assertTrue(!lines.isEmpty(), "veraPDF returned results");
    return lines;
  }
}
