package org.noticepublisher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticepublisher.Cli;
import org.noticepublisher.Fixtures;

/** What a person typing commands sees: help, usage errors with exit code 2, validation reports. */
class CliTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({"--help", "render --help", "validate --help", "lint --help", "bench --help"})
  void helpIsEverywhere(String args) {
    Cli r = Cli.run(args.split(" "));
    assertEquals(0, r.code());
    assertTrue(r.out().contains("Usage:"), r.out());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "render --page-size B5 | page size must be A4, A5 or Letter",
        "render --standard ua3 | standard must be ua1 (PDF/UA-1 + PDF/A-2a, the default) or ua2",
        "render --variant leaflet | unknown variant 'leaflet'",
        "render --locale xx | unknown locale 'xx'",
        "render --colour red | Unknown options: '--colour'",
        "validate | Missing required parameter",
        "validate no-such.pdf | no such file: no-such.pdf"
      })
  void usageErrorsExitTwoAndSayWhy(String args, String says) {
    String project = args.startsWith("render") ? " -p " + Fixtures.PROJECT : "";
    Cli r = Cli.run((args + project).split(" "));
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains(says), r.err());
  }

  @Test
  void validateReportsRuleIdsForANonCompliantPdf(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.pdf");
    Files.write(good, Fixtures.produced("standard", "en-GB").pdf().orElseThrow().bytes());
    Path untagged = dir.resolve("untagged.pdf");
    try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
      doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
      doc.save(untagged.toFile());
    }
    Cli r = Cli.run("validate", good.toString(), untagged.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("PASS  " + good), r.out());
    assertTrue(r.out().contains("FAIL  " + untagged), r.out());
    assertTrue(
        r.out().matches("(?s).*ISO 14289-1:2014 7\\.1-\\d+: .*"), "PDF/UA rule ids: " + r.out());
    assertTrue(r.out().contains("1 of 2 files compliant"), r.out());
  }
}
