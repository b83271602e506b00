package org.noticepublisher.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.Cli;
import org.noticepublisher.Fixtures;
import org.noticepublisher.NoticeId;
import org.noticepublisher.pipeline.Pipeline;
import org.noticepublisher.pipeline.Publication;
import org.noticepublisher.verify.PdfInspection;

/**
 * A partial translation: each message shown from English is marked as English (HTML {@code lang}, a
 * PDF {@code /Lang} span), so a screen reader reads it with English rules; the manifest and the
 * index say how much of each notice is not translated.
 */
class FallbackLanguageTest {
  private static final String HEADING = "Keeping your information secure";
  private static final String REGISTERED = "is registered as a data controller";

  @TempDir static Path dir;
  private static Publication partial;

  @BeforeAll
  static void partialTranslation() throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Path pl = project.resolve("locales/pl.properties");
    List<String> kept =
        Files.readAllLines(pl).stream()
            .filter(l -> !l.startsWith("security.heading =") && !l.startsWith("intro.p.2 ="))
            .toList();
    Files.write(pl, kept);
    partial = Pipeline.open(project).produce(new NoticeId("standard", "pl"), Layout.DEFAULT);
    assertTrue(partial.publishable(), partial.findings().toString());
  }

  @Test
  void fallbackMessagesAreMarkedEnglishInTheHtml() {
    Document html = Jsoup.parse(partial.notice().orElseThrow().html());
    for (String words : List.of(HEADING, REGISTERED)) {
      Element e = html.body().select("*:containsOwn(" + words + ")").first();
      assertTrue(e != null, words);
      assertEquals("en-GB", e.closest("[lang]").attr("lang"), e.outerHtml());
    }
    assertEquals("pl", html.selectFirst("html").attr("lang"));
  }

  @Test
  void fallbackMessagesAreEnglishSpansInThePdf() throws Exception {
    List<String> english = englishTexts(partial.pdf().orElseThrow().bytes());
    for (String words : List.of(HEADING, "Achieving for Children " + REGISTERED)) {
      String glyphs = words.replace(" ", "");
      assertTrue(
          english.stream().anyMatch(t -> t.contains(glyphs)),
          "'" + words + "' in a /Lang (en-GB) element: " + english);
    }
    List<String> translated =
        englishTexts(Fixtures.produced("standard", "pl").pdf().orElseThrow().bytes());
    assertTrue(
        translated.stream().noneMatch(t -> t.contains(REGISTERED.replace(" ", ""))),
        "the translated notice marks only English names: " + translated);
  }

  @Test
  void anEnglishFallbackInARightToLeftNoticeIsLaidOutLeftToRight(@TempDir Path tmp)
      throws Exception {
    Path project = Fixtures.copyOfProject(tmp.resolve("project"));
    Path ar = project.resolve("locales/ar.properties");
    Files.write(
        ar, Files.readAllLines(ar).stream().filter(l -> !l.startsWith("security.p.1 =")).toList());
    Publication p = Pipeline.open(project).produce(new NoticeId("standard", "ar"), Layout.DEFAULT);
    assertTrue(p.publishable(), p.findings().toString());
    Element para =
        Jsoup.parse(p.notice().orElseThrow().html())
            .body()
            .select("p:containsOwn(We have appropriate security measures)")
            .first();
    assertTrue(para != null);
    assertEquals("en-GB", para.attr("lang"), para.outerHtml());
    assertEquals("ltr", para.attr("dir"), "its full stop at its end, not its start");
  }

  @Test
  void theShareOfFallbackTextIsCounted() {
    var share = partial.notice().orElseThrow().fallback();
    assertEquals(2, share.messages());
    assertTrue(share.share() > 0.005 && share.share() < 0.05, "share " + share.share());
    assertEquals(
        0, Fixtures.produced("standard", "pl").notice().orElseThrow().fallback().messages());
  }

  @Test
  void manifestAndIndexShowTheFallbackShare(@TempDir Path out) throws Exception {
    Path project = dir.resolve("project");
    Cli r =
        Cli.run(
            "render",
            "-v",
            "standard",
            "-l",
            "pl",
            "--project",
            project.toString(),
            "--output",
            out.toString());
    assertEquals(0, r.code(), r.printed());
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    JsonNode pdf = null;
    for (JsonNode e : manifest.path("files")) {
      if (e.path("type").asText().equals("application/pdf")) {
        pdf = e;
      }
    }
    assertEquals(2, pdf.path("fallback").path("messages").asInt(), pdf.toString());
    double share = pdf.path("fallback").path("share").asDouble();
    assertTrue(share > 0.005 && share < 0.05, pdf.toString());
    String index = Files.readString(out.resolve("index.html"));
    assertTrue(
        index.contains(String.format(java.util.Locale.ROOT, "2 messages (%.1f%%)", share * 100)),
        index);
  }

  /** The text of every structure element marked as British English, without spaces. */
  private static List<String> englishTexts(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return PdfInspection.textByLanguage(doc).stream()
          .filter(e -> e.getKey().equals("en-GB"))
          .map(e -> e.getValue())
          .toList();
    }
  }
}
