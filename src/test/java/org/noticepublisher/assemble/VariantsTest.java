package org.noticepublisher.assemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticepublisher.Cli;
import org.noticepublisher.Fixtures;
import org.noticepublisher.NoticeId;
import org.noticepublisher.pipeline.Publication;
import org.noticepublisher.verify.PdfInspection;
import org.noticepublisher.verify.ReadingLevel;

/**
 * The three variants share fragments, choose their sections, and each tells what the law requires.
 */
class VariantsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "standard | intro, personal-data, collect, use, legal-basis, how-collect, retention, security, "
            + "sharing, transfers, automated-decisions, rights, contact, other-notices",
        "children-and-young-people | intro, personal-data, collect, use, legal-basis, how-collect, "
            + "sharing, transfers, automated-decisions, retention, security, rights, contact",
        "consultation | intro, collect, use, legal-basis, how-collect, reporting, sharing, transfers, "
            + "automated-decisions, retention, withdraw, security, rights, contact"
      })
  void eachVariantListsItsSections(String variant, String sections) {
    assertEquals(
        List.of(sections.split(",\\s*")),
        Fixtures.pipeline().assembler().variants().get(variant).sections());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"standard", "children-and-young-people", "consultation"})
  void eachVariantCoversEveryArticle13Item(String variant) {
    LegalCoverage legal = Fixtures.pipeline().legalCoverage();
    Variant v = Fixtures.pipeline().assembler().variants().get(variant);
    assertEquals(13, legal.items().size());
    assertEquals(List.of(), legal.check(v));
    Map<String, String> covered = legal.coverage(v);
    assertEquals("contact", covered.get("dpo-contact"));
    assertEquals("transfers", covered.get("international-transfers"));
    assertEquals("how-collect", covered.get("source-of-data"));
    // The rights section tells it in every variant; the consultation's own "withdraw" section is
    // about
    // taking back a survey response, and the map names rights first.
    assertEquals("rights", covered.get("right-to-withdraw-consent"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"standard", "children-and-young-people", "consultation"})
  void eachVariantIsPublishableInEnGb(String variant) throws Exception {
    Publication p = Fixtures.produced(variant, "en-GB");
    assertTrue(p.publishable(), () -> p.findings().toString());
    String text = PdfInspection.contentText(p.pdf().orElseThrow().bytes());
    assertTrue(
        text.contains("[To be confirmed: whether personal data is sent outside the UK]"),
        "the profile does not say: the notice says so");
    byte[] again =
        Fixtures.pipeline()
            .produce(new NoticeId(variant, "en-GB"), Layout.DEFAULT)
            .pdf()
            .orElseThrow()
            .bytes();
    assertArrayEquals(p.pdf().orElseThrow().bytes(), again, "reproducible");
  }

  @Test
  void readabilityFiguresMeetEachVariantsTarget() {
    ReadingLevel.Figures children =
        Fixtures.produced("children-and-young-people", "en-GB").reading().orElseThrow();
    assertTrue(children.readingEase() >= 70, children.toString());
    assertTrue(children.wordsPerSentence() <= 14, children.toString());
    for (String v : List.of("standard", "consultation")) {
      ReadingLevel.Figures f = Fixtures.produced(v, "en-GB").reading().orElseThrow();
      assertTrue(f.wordsPerSentence() <= 25, v + ": " + f);
    }
  }

  @Test
  void aFourthVariantNeedsOnlyItsDefinitionAndMessages(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Path resources = Path.of("src/test/resources/layered");
    Files.copy(
        resources.resolve("layered.properties"),
        project.resolve("templates/variants/layered.properties"));
    Files.writeString(
        project.resolve("locales/en-GB.properties"),
        Files.readString(resources.resolve("messages.properties")),
        java.nio.file.StandardOpenOption.APPEND);
    Cli r =
        Cli.run(
            "render",
            "-v",
            "layered",
            "-l",
            "en-GB",
            "-p",
            project.toString(),
            "-o",
            dir.resolve("out").toString());
    assertEquals(0, r.code(), r.printed());
    byte[] pdf = Files.readAllBytes(dir.resolve("out/layered/en-GB/layered.en-GB.pdf"));
    String text = PdfInspection.contentText(pdf);
    assertTrue(text.contains("Privacy at a glance"), text);
    assertTrue(text.contains("Why we use your data"), text);
  }

  @Test
  void aVariantMissingAnArticle13ItemFailsToRender(@TempDir Path dir) {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Fixtures.edit(project.resolve("templates/variants/consultation.properties"), "transfers, ", "");
    Cli r =
        Cli.run(
            "render",
            "-v",
            "consultation",
            "-l",
            "en-GB",
            "-p",
            project.toString(),
            "-o",
            dir.resolve("out").toString());
    assertEquals(1, r.code());
    assertTrue(
        r.out()
            .contains("consultation.properties: error " + "[article-13.international-transfers]"),
        r.out());
    assertTrue(Files.notExists(dir.resolve("out/consultation/en-GB/consultation.en-GB.pdf")));
  }

  @Test
  void aChildrensNoticeWithLongSentencesFailsTheReadabilityCheck(@TempDir Path dir) {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Fixtures.edit(
        project.resolve("locales/en-GB.properties"),
        "children-and-young-people.intro.p.1 = This notice is for children and young people.",
        "children-and-young-people.intro.p.1 = "
            + "Notwithstanding the aforementioned "
            + "considerations, the organisation’s contractual, statutory and regulatory "
            + "obligations necessitate comprehensive documentation, ".repeat(12)
            + "naturally.");
    Cli r =
        Cli.run(
            "render",
            "-v",
            "children-and-young-people",
            "-l",
            "en-GB",
            "-p",
            project.toString(),
            "-o",
            dir.resolve("out").toString());
    assertEquals(1, r.code());
    assertTrue(r.out().contains("[readability.ease]"), r.out());
    assertTrue(r.out().contains("reading ease"), "the figures are printed");
  }
}
