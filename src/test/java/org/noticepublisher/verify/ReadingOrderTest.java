package org.noticepublisher.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticepublisher.Finding;
import org.noticepublisher.Fixtures;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.pipeline.Pipeline;
import org.noticepublisher.pipeline.Publication;

/** A screen reader reads the structure tree: CSS that moves a section must not pass unnoticed. */
class ReadingOrderTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "standard, en-GB",
    "children-and-young-people, ar",
    "consultation, ko",
    "standard, ur",
    "standard, ar-XB",
    "standard, ta",
    "children-and-young-people, bn",
    "consultation, gu",
    "standard, pa"
  })
  void theProjectsNoticesAreTaggedInDocumentOrder(String variant, String locale) {
    Publication p = Fixtures.produced(variant, locale);
    assertEquals(
        List.of(),
        ReadingOrder.check(
            p.pdf().orElseThrow().bytes(), p.notice().orElseThrow(), p.id().toString()));
    assertTrue(
        p.verdict().checks().contains("reading order"), () -> p.verdict().checks().toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "absolute position | #retention { position: absolute; top: 0; left: 0; background: #fff; }",
        "float             | #retention { float: left; width: 40%; }"
      })
  void aSectionMovedWithCssIsReportedWithTheFirstTextOutOfPlace(String how, String css)
      throws Exception {
    Path project = Fixtures.copyOfProject(tmp);
    Files.writeString(
        project.resolve("templates/notice.css"), "\n" + css + "\n", StandardOpenOption.APPEND);
    Publication p =
        Pipeline.open(project).produce(new NoticeId("standard", "en-GB"), Layout.DEFAULT);

    List<Finding> order =
        p.verdict().errors().stream().filter(f -> f.code().startsWith("order.")).toList();
    Finding moved =
        order.stream()
            .filter(f -> f.code().equals("order.moved"))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no order.moved finding: " + p.verdict().errors()));
    assertTrue(
        moved
            .message()
            .startsWith(
                "read out of order: 'How long your personal data will be kept' is tagged after '"),
        moved.message());
    // The section is a heading and one paragraph: the paragraph is the one more text.
    assertTrue(moved.message().endsWith("' (and 1 more text)"), moved.message());
    Finding headings =
        order.stream()
            .filter(f -> f.code().equals("order.headings"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no order.headings finding: " + order));
    assertEquals(
        "heading 7 of the HTML twin is H2 'How long your personal data will be kept', "
            + "the PDF's is H2 'Keeping your information secure'",
        headings.message());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "in order       | 1 2 3 4 | 1 1 1 1",
        "one moved last | 1 3 4 2 | 1 1 1 0",
        "one moved up   | 3 1 2 4 | 0 1 1 1",
        "empty          |         | ''"
      })
  void longestIncreasingKeepsTheMostTextsInPlace(String name, String values, String marks) {
    List<Integer> v =
        values == null
            ? List.of()
            : java.util.Arrays.stream(values.split(" ")).map(Integer::valueOf).toList();
    boolean[] want = new boolean[v.size()];
    String[] m = marks.isEmpty() ? new String[0] : marks.split(" ");
    for (int i = 0; i < m.length; i++) {
      want[i] = m[i].equals("1");
    }
    assertArrayEquals(want, ReadingOrder.longestIncreasing(v));
  }

  @org.junit.jupiter.api.Test
  void textsAreKeyedByTheirLettersAndDigits() {
    assertEquals("domainbasedmail2", ReadingOrder.key("Domain-\nbased  Mail (2)", false));
    assertEquals("file", ReadingOrder.key("\uFB01le", false));
    // Right to left: drawn in visual order, so compared as a sorted multiset of letters.
    assertEquals(ReadingOrder.key("با ب", true), ReadingOrder.key("ب اب", true));
    assertEquals("\u0627\u0644\u0644", ReadingOrder.key("\uFEFB\u0644", true));
  }
}
