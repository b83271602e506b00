package org.noticepublisher.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticepublisher.Fixtures;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.assemble.Notice;
import org.noticepublisher.render.PdfRenderer;
import org.noticepublisher.verify.internal.BuiltInProfiles;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.validators.ValidatorFactory;

/**
 * The sample veraPDF validates in the background before the first notice ({@link
 * PdfValidator#prepareInBackground}): a short notice in three scripts, made by this project's
 * renderer. It must pass, and it must make veraPDF apply every rule it applies to real notices, or
 * the first real validation still pays for what was left cold. To make it again after a change to
 * the renderer: {@code mvn -B test -Dgolden.update=true -Dtest=WarmUpSampleTest}.
 */
class WarmUpSampleTest {
  private static final Path SAMPLE =
      Fixtures.PROJECT.resolve(
          "src/main/resources/org/noticepublisher/verify/" + PdfValidator.WARM_UP);

  /** Sections of each notice that go into the sample, enough to hold every kind of element. */
  private static final int SECTIONS = 2;

  private static byte[] sample;

  @BeforeAll
  static void makeOrRead() throws Exception {
    if (Boolean.getBoolean("golden.update")) {
      sample = make();
      Files.createDirectories(SAMPLE.getParent());
      Files.write(SAMPLE, sample);
      return; // the class path has the old copy until the next build
    }
    try (InputStream in = PdfValidator.class.getResourceAsStream(PdfValidator.WARM_UP)) {
      sample = Objects.requireNonNull(in, "warm-up sample on the class path").readAllBytes();
    }
  }

  /**
   * The first sections of the children's notice in English, Arabic and Urdu, one after another:
   * Latin, right-to-left and Nastaliq text, pictures, lists and a link.
   */
  private static byte[] make() throws Exception {
    Notice en = children("en-GB");
    Document merged = firstSections(en);
    for (String locale : List.of("ar", "ur")) {
      Notice notice = children(locale);
      Element part = Objects.requireNonNull(merged.selectFirst("main")).appendElement("div");
      part.attr("lang", locale).attr("dir", notice.rightToLeft() ? "rtl" : "ltr");
      firstSections(notice).select("main section").forEach(s -> part.appendChild(s.clone()));
    }
    merged.outputSettings().prettyPrint(false);
    Notice sample =
        new Notice(
            new NoticeId("warm-up", "en-GB"),
            en.lang(),
            false,
            en.title(),
            en.subject(),
            en.author(),
            merged.outerHtml(),
            List.of(),
            false,
            java.util.Map.of(),
            Notice.Fallback.NONE,
            List.of());
    return PdfRenderer.create().render(sample, LocalDate.of(2026, 1, 1)).bytes();
  }

  private static Notice children(String locale) throws Exception {
    return Fixtures.pipeline()
        .assembler()
        .assemble(new NoticeId("children-and-young-people", locale), Layout.DEFAULT);
  }

  /** The notice's page with its first {@link #SECTIONS} sections only. */
  private static Document firstSections(Notice notice) {
    Document doc = Jsoup.parse(notice.html());
    List<Element> sections = doc.select("main section");
    sections.subList(Math.min(SECTIONS, sections.size()), sections.size()).forEach(Element::remove);
    return doc;
  }

  @Test
  void passesThePublishingStandards() {
    assertEquals(
        List.of(), PdfValidator.publishingStandards().validate(sample, PdfValidator.WARM_UP));
  }

  @Test
  void exercisesEveryRuleRealNoticesDo() throws Exception {
    Set<String> warmed = rulesApplied(sample);
    for (String[] notice :
        List.of(
            new String[] {"standard", "en-GB"},
            new String[] {"children-and-young-people", "ar"},
            new String[] {"consultation", "ur"},
            new String[] {"consultation", "ko"})) {
      byte[] pdf = Fixtures.produced(notice[0], notice[1]).pdf().orElseThrow().bytes();
      Set<String> cold = new TreeSet<>(rulesApplied(pdf));
      cold.removeAll(warmed);
      assertTrue(
          cold.isEmpty(),
          notice[0]
              + "/"
              + notice[1]
              + " has rules the warm-up sample leaves cold: "
              + cold
              + "; make the sample again (see this class's comment) or add what it lacks");
    }
  }

  /** Every rule veraPDF checked at least once, passed or failed. */
  private static Set<String> rulesApplied(byte[] pdf) throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    try (PDFAParser parser =
            Foundries.defaultInstance()
                .createParser(
                    new ByteArrayInputStream(pdf),
                    PdfValidator.PUBLISHING_STANDARDS.get(0),
                    PdfValidator.PUBLISHING_STANDARDS.get(1));
        PDFAValidator validator =
            ValidatorFactory.createValidatorByProfiles(
                PdfValidator.PUBLISHING_STANDARDS.stream().map(BuiltInProfiles::of).toList(),
                0,
                true,
                false,
                false)) {
      Set<String> rules = new TreeSet<>();
      for (ValidationResult result : validator.validateAll(parser)) {
        for (TestAssertion a : result.getTestAssertions()) {
          rules.add(
              a.getRuleId().getSpecification()
                  + " "
                  + a.getRuleId().getClause()
                  + "-"
                  + a.getRuleId().getTestNumber());
        }
      }
      return rules;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
