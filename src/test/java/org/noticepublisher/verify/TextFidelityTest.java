package org.noticepublisher.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticepublisher.Finding;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Notice;
import org.noticepublisher.render.PdfRenderer;

/**
 * Text fidelity compares what a reader gets back independently of where lines break (after a slash
 * of a URL, inside a long number) and still refuses a PDF that lost a word.
 */
class TextFidelityTest {
  private static final String URL =
      "https://www.example.org/privacy/notices/children/archive/"
          + "2026/consultations/surveys/schools/retention-schedule.pdf";
  private static final String TEXT = "Read the schedule at " + URL + " before you write to us.";
  private static byte[] pdf;

  @BeforeAll
  static void render() throws Exception {
    // A narrow column, so the URL has to break, wherever the line breaker chooses.
    String html =
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"UTF-8\"/>"
            + "<title>Test</title><meta name=\"subject\" content=\"A test\"/><style>"
            + "body { font-family: 'Noto Sans'; word-wrap: break-word; } p { width: 45mm; }"
            + "</style></head><body><h1>Test</h1><p>"
            + TEXT
            + "</p></body></html>";
    Notice notice =
        new Notice(
            new NoticeId("test", "en-GB"),
            "en-GB",
            false,
            "Test",
            "",
            "",
            html,
            List.of(TEXT),
            false,
            Map.of(),
            Notice.Fallback.NONE,
            List.of());
    pdf = PdfRenderer.create().render(notice, LocalDate.of(2026, 1, 1)).bytes();
    String content = PdfInspection.contentText(pdf);
    assertTrue(content.strip().lines().count() >= 4, "the URL is broken over lines: " + content);
  }

  @Test
  void aUrlBrokenOverLinesIsFound() {
    List<Finding> findings = TextFidelity.check(pdf, List.of("Test", TEXT), "test");
    assertEquals(List.of(), findings);
  }

  @Test
  void aDroppedWordIsStillCaught() {
    String longer = TEXT.replace("before you", "before you ever");
    List<Finding> findings = TextFidelity.check(pdf, List.of(longer), "test");
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("fidelity.missing", findings.get(0).code());
  }

  @Test
  void twoWordsRunTogetherAreCaught() {
    String runTogether = TEXT.replace("the schedule", "theschedule");
    List<Finding> findings = TextFidelity.check(pdf, List.of(runTogether), "test");
    assertEquals(1, findings.size(), findings.toString());
  }
}
