package org.noticepublisher.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.Fixtures;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;

/**
 * Content that must never be published, each case one edit of a copied project: the pipeline
 * refuses the notice (or the whole project, where the broken file serves every notice) with an
 * error that names the file, the line and the key, and says how to fix it. Lint and render share
 * these checks.
 */
class RefusedBeforePublishingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // case | file | text replaced | by | notice | finding starts with | words in the finding
        "unknown argument | locales/pl.properties | Numer rejestracyjny: {icoRegistration}. | Numer rejestracyjny: {icoRegistration} {foo}. | standard/pl | pl.properties:35: error [intro.p.2] | unknown {foo}",
        "right-to-left override | locales/pl.properties | Bezpieczeństwo Państwa | Bezpieczeństwo \u202EPaństwa | standard/pl | pl.properties:107: error [security.heading] | U+202E RIGHT-TO-LEFT OVERRIDE",
        "left-to-right embedding | locales/ar.properties | bundle.status | x.y = \u202Aa\\nbundle.status | standard/ar | ar.properties: | U+202A LEFT-TO-RIGHT EMBEDDING",
        "zero width space | locales/pl.properties | Bezpieczeństwo Państwa | Bezpieczeństwo\u200BPaństwa | standard/pl | pl.properties:107: error [security.heading] | U+200B ZERO WIDTH SPACE",
        "misspelt key in a bundle | locales/pl.properties | security.p.3 = | security.p3 = | standard/pl | pl.properties:110: error [security.p3] | did you mean security.p.3",
        "javascript: link | templates/organisation.properties | link.retentionSchedule = | link.retentionSchedule = javascript:alert(1) | standard/en-GB | organisation.properties:34: error [link.retentionSchedule] | javascript:",
        "file: link | templates/organisation.properties | link.individualRights = | link.individualRights = file:///etc/passwd | standard/en-GB | organisation.properties:35: error [link.individualRights] | file:",
        "data: link | templates/organisation.properties | link.otherNotices = | link.otherNotices = data:text/html;base64,PHNjcmlwdD4= | standard/en-GB | organisation.properties:36: error [link.otherNotices] | data:",
        "relative link | templates/organisation.properties | link.otherNotices = | link.otherNotices = ../../etc/notices.html | standard/en-GB | organisation.properties:36: error [link.otherNotices] | ../../etc/notices.html",
        "javascript: website | templates/organisation.properties | = https://www.achievingforchildren.org.uk | = javascript:alert(document.cookie) | standard/en-GB | organisation.properties:9: error [organisation.website] | javascript:",
        "e-mail with a scheme | templates/organisation.properties | dpo.email = | dpo.email = javascript:alert(1) | standard/en-GB | organisation.properties:15: error [dpo.email] | not an e-mail address",
        "remote @import | templates/notice.css | /* Base style | @import url(\"https://fonts.example.org/a.css\");\\n/* Base style | standard/en-GB | notice.css:1: error [template.reference] | https://fonts.example.org/a.css",
        "remote style sheet link | templates/notice.html | <meta charset=\"UTF-8\"/> | <meta charset=\"UTF-8\"/><link rel=\"stylesheet\" href=\"//cdn.example.org/x.css\"/> | standard/en-GB | notice.html:7: error [template.reference] | //cdn.example.org/x.css",
        "remote image | templates/sections/retention.html | */--> | */-->\\n<img alt=\"\" src=\"http://tracker.example.org/p.gif\"/> | standard/en-GB | retention.html:2: error [template.reference] | http://tracker.example.org/p.gif",
        "remote image from an expression | templates/notice.html | <main> | <main>\\n<img alt=\"\" th:src=\"${'https://tracker.example.org/' + 'p.gif'}\"/> | standard/en-GB | notice.html: error [template.reference] | https://tracker.example.org/p.gif",
        "javascript: link in a template | templates/sections/retention.html | */--> | */-->\\n<p><a href=\"javascript:alert(1)\">x</a></p> | standard/en-GB | retention.html:2: error [link.target] | javascript:",
        "local image the PDF cannot embed | templates/sections/retention.html | */--> | */-->\\n<img alt=\"\" src=\"clock.png\"/> | standard/en-GB | retention.html:2: error [template.reference] | clock.png",
        "uncovered glyph | locales/pl.properties | Bezpieczeństwo Państwa | Bezpieczeństwo తెలుగు Państwa | standard/pl | pl.properties:107: error [security.heading] | U+0C24",
        "file: url() in CSS | templates/children.css | html { | html {\\n  background: url(file:///etc/passwd); | standard/en-GB | children.css:5: error [template.reference] | file:///etc/passwd",
        "external reference in an SVG icon | templates/icons/retention.svg | <circle cx=\"24\" cy=\"24\" r=\"23\" | <image href=\"https://example.org/i.png\" width=\"4\" height=\"4\"/><circle cx=\"24\" cy=\"24\" r=\"23\" | children-and-young-people/en-GB | retention.svg:2: error [icon.reference] | https://example.org/i.png",
        "misspelt variant key | templates/variants/standard.properties | readability.maxSentenceWords | readabilty.maxSentenceWords | standard/en-GB | standard.properties:7: error [readabilty.maxSentenceWords] | did you mean readability.maxSentenceWords",
        "misspelt profile key | templates/organisation.properties | ico.phone = | ico.phon = | standard/en-GB | organisation.properties:21: error [ico.phon] | did you mean ico.phone",
        "misspelt profile link | templates/organisation.properties | link.otherNotices = | link.otherNotice = https://example.org/ | standard/en-GB | organisation.properties:36: error [link.otherNotice] | did you mean link.otherNotices",
        "misspelt Article 13 item | templates/article-13.properties | retention-period = | retention-perod = | standard/en-GB | article-13.properties:10: error [retention-perod] | did you mean retention-period",
        "misspelt title key | templates/variants/standard.properties | title = standard.title | title = standard.titel | standard/en-GB | standard.properties:2: error [title] | did you mean standard.title"
      })
  void refusedNamingFileLineAndKey(
      String name,
      String file,
      String from,
      String to,
      String notice,
      String where,
      String words,
      @TempDir Path dir) {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Fixtures.edit(project.resolve(file), unescape(from), unescape(to));
    List<Finding> errors = errors(project, notice);
    assertTrue(
        errors.stream()
            .anyMatch(
                f ->
                    f.toString().contains(where)
                        && f.toString().contains(words)
                        && !f.fix().isEmpty()),
        "an error '" + where + " … " + words + "' with a fix, got:\n" + errors);
  }

  @Test
  void anEmptyTranslationIsRefusedNotPublishedAsEnglish(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Files.writeString(
        project.resolve("locales/pl.properties"), "# Polish\nbundle.status = draft\n");
    List<Finding> errors = errors(project, "standard/pl");
    assertTrue(
        errors.stream()
            .anyMatch(
                f ->
                    f.source().endsWith("pl.properties")
                        && f.message().contains("no translated message")),
        errors.toString());
  }

  @Test
  void anHttpLinkIsPublishedWithAWarning(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Fixtures.edit(
        project.resolve("templates/organisation.properties"),
        "link.retentionSchedule =",
        "link.retentionSchedule = http://www.example.org/retention.pdf");
    Pipeline pipeline = Pipeline.open(project);
    assertTrue(
        pipeline.warnings().stream()
            .anyMatch(
                f ->
                    f.code().equals("link.retentionSchedule")
                        && f.message().contains("http:")
                        && f.line() == 34),
        pipeline.warnings().toString());
  }

  @Test
  void safeSchemesAndLocalReferencesPass(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Fixtures.edit(
        project.resolve("templates/organisation.properties"),
        "link.retentionSchedule =",
        "link.retentionSchedule = https://www.example.org/retention.pdf");
    Fixtures.edit(
        project.resolve("templates/organisation.properties"),
        "dpo.phone =",
        "dpo.phone = 020 8547 5000");
    String circle = "<circle cx=\"24\" cy=\"24\" r=\"23\"";
    Fixtures.edit(
        project.resolve("templates/icons/retention.svg"),
        circle,
        "<defs><circle id=\"dot\" r=\"1\"/></defs><use href=\"#dot\"/>" + circle);
    Pipeline pipeline = Pipeline.open(project);
    Publication p = pipeline.produce(new NoticeId("standard", "en-GB"), Layout.DEFAULT);
    assertTrue(p.publishable(), p.findings().toString());
    assertTrue(
        p.notice().orElseThrow().html().contains("href=\"https://www.example.org/retention.pdf\""));
  }

  /** The pipeline's errors for a notice; it must not be publishable. */
  static List<Finding> errors(Path project, String notice) {
    String[] id = notice.split("/");
    Pipeline pipeline;
    try {
      pipeline = Pipeline.open(project);
    } catch (FindingsException e) {
      return e.findings();
    }
    Publication p = pipeline.produce(new NoticeId(id[0], id[1]), Layout.DEFAULT);
    assertFalse(p.publishable(), "must not be publishable: " + notice);
    assertEquals(p.verdict().errors().isEmpty(), false);
    return p.verdict().errors();
  }

  private static String unescape(String s) {
    return s.replace("\\n", "\n");
  }
}
