package org.noticepublisher.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.noticepublisher.Cli;
import org.noticepublisher.Finding;
import org.noticepublisher.Fixtures;
import org.noticepublisher.assemble.TemplateLint;
import org.noticepublisher.render.PdfRenderer;

/**
 * Templates whose elements nest thousands deep. openhtmltopdf lays boxes out by recursion, so such
 * a notice ended the render command with a StackOverflowError and a 117 kB stack trace. Now one
 * template too deep is a lint error at its line, and a notice made too deep by its fragments is
 * refused with a finding before it is laid out; the run goes on and says so.
 */
class DeeplyNestedTemplatesTest {
  private static final String RETENTION = "templates/sections/retention.html";

  /**
   * Line 1 of the template is a comment; what is inserted starts on line 2. The document's html and
   * body are the first two levels, so the 99th nested element is the 101st level.
   */
  static Stream<Arguments> tooDeep() {
    return Stream.of(
        arguments(
            "150 nested divs",
            "<div>\n".repeat(150) + "</div>".repeat(150),
            "retention.html:100: error [nesting] elements nest 152 deep, more than the "
                + TemplateLint.MAX_NESTING
                + " allowed"),
        // HTML leaves a <div/> open, and so does the assembled notice; Thymeleaf removes a
        // <th:block/> where it stands. The blocks take lines 2 to 151; the template's section
        // then sits inside the last div.
        arguments(
            "150 self-closed divs after 150 self-closed blocks",
            "<th:block th:if=\"${true}\"/>\n".repeat(150) + "<div/>\n".repeat(150),
            "retention.html:250: error [nesting] elements nest 153 deep"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tooDeep")
  void aTemplateNestedPastTheLimitIsALintErrorAtItsLine(
      String name, String inserted, String finding, @TempDir Path dir) {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Fixtures.edit(project.resolve(RETENTION), "*/-->", "*/-->\n" + inserted);
    List<Finding> errors = RefusedBeforePublishingTest.errors(project, "standard/en-GB");
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).toString().contains(finding), errors.toString());
  }

  @Test
  void aTemplateNestedUpToTheLimitIsPublished(@TempDir Path dir) {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    int divs = TemplateLint.MAX_NESTING - 3; // under html, body and the section
    Fixtures.edit(
        project.resolve("templates/blocks.html"),
        "<th:block th:replace=\"~{blocks :: paragraphs(${id} + '.after')}\"/>\n</section>",
        "<th:block th:replace=\"~{blocks :: paragraphs(${id} + '.after')}\"/>\n"
            + "<div>".repeat(divs)
            + "</div>".repeat(divs)
            + "\n</section>");
    Cli r = Cli.run("render", "-p", project.toString(), "-v", "standard", "-l", "en-GB");
    assertEquals(0, r.code(), r.printed());
  }

  /**
   * Fragments under the limit each, including one another: 60 levels of 90 elements. Thymeleaf's
   * own limit on inclusion (100) does not stop it, and neither does the per-template lint; the
   * renderer measures the assembled notice before laying it out.
   */
  @Test
  void aNoticeNestedTooDeeplyByItsFragmentsIsRefusedAndTheRunGoesOn(@TempDir Path dir)
      throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Path blocks = project.resolve("templates/blocks.html");
    Fixtures.edit(
        blocks,
        "<th:block th:replace=\"~{blocks :: paragraphs(${id} + '.after')}\"/>\n</section>",
        "<th:block th:replace=\"~{blocks :: paragraphs(${id} + '.after')}\"/>\n"
            + "<th:block th:if=\"${id == 'retention'}\">"
            + "<th:block th:replace=\"~{blocks :: deep(60)}\"/></th:block>\n</section>\n"
            + "<th:block th:fragment=\"deep(n)\">"
            + "<div>".repeat(90)
            + "<th:block th:if=\"${n > 0}\"><th:block th:replace=\"~{blocks :: deep(${n - 1})}\"/>"
            + "</th:block>"
            + "</div>".repeat(90)
            + "</th:block>");
    assertTrue(Files.readString(blocks).contains("deep(60)"));

    Cli r =
        Cli.run(
            "render",
            "-p",
            project.toString(),
            "-o",
            dir.resolve("out").toString(),
            "-v",
            "standard",
            "-l",
            "en-GB,pl");
    assertEquals(1, r.code(), r.printed());
    assertTrue(
        r.printed().contains("standard/en-GB/standard.en-GB.pdf: error [nesting] elements nest"),
        r.printed());
    assertTrue(
        r.printed().contains("more than the " + PdfRenderer.MAX_DEPTH + " the renderer"),
        r.printed());
    assertFalse(r.printed().contains("StackOverflowError"), r.printed());
    assertFalse(r.printed().contains("\tat "), "no stack trace: " + r.printed());
    assertTrue(r.out().contains("0 of 2 notices published"), r.out());
  }
}
