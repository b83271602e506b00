package org.noticepublisher.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticepublisher.Finding;
import org.noticepublisher.Fixtures;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.pipeline.Publication;

/** The standard notice in en-GB, read back from the PDF as a reader and a validator would. */
class StandardNoticeTest {
  private static Publication standard;
  private static byte[] pdf;

  @BeforeAll
  static void render() {
    standard = Fixtures.produced("standard", "en-GB");
    assertTrue(standard.publishable(), () -> "standard en-GB must pass: " + standard.findings());
    pdf = standard.pdf().orElseThrow().bytes();
  }

  @Test
  void veraPdfFindsItCompliantWithPdfUa1AndPdfA2a() {
    List<Finding> failures = PdfValidator.publishingStandards().validate(pdf, "standard");
    assertEquals(List.of(), failures);
  }

  @Test
  void everySeedHeadingParagraphAndListItemIsInTheExtractedText() throws Exception {
    String text = TextFidelity.normalise(PdfInspection.contentText(pdf));
    List<String> missing = new ArrayList<>();
    List<String> lines =
        Files.readAllLines(
            Path.of("src/test/resources/golden/standard-seed-lines.txt"), StandardCharsets.UTF_8);
    int checked = 0;
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      checked++;
      if (!text.contains(TextFidelity.normalise(line))) {
        missing.add(line);
      }
    }
    assertEquals(107, checked, "the golden file lists every block of the seed");
    assertEquals(List.of(), missing, "seed text missing from the PDF");
  }

  @Test
  void extractedTextHasNoLigaturesAndKeepsAffecting() throws Exception {
    // The drawn glyphs, not PDFBox's text output: that folds ligatures into letters and would pass.
    String drawn = PdfInspection.drawnGlyphs(pdf);
    assertTrue(
        drawn.codePoints().noneMatch(c -> c >= 0xFB00 && c <= 0xFB06), "ligature code point");
    String text = PdfInspection.allText(pdf);
    // "ffi" and "ff" are the pairs Noto Sans would ligate.
    assertTrue(text.contains("Data Protection Officer"), "ffi extracts as three letters");
    assertTrue(text.contains("monitor staff"), "ff extracts as two letters");
  }

  @Test
  void everyFontIsEmbeddedAndShipsWithTheProject() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (PDPage page : doc.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertTrue(font.isEmbedded(), font.getName() + " is embedded");
          assertTrue(
              font.getName().matches("[A-Z]{6}\\+(NotoSans|NotoNaskhArabic|NanumGothic).*"),
              font.getName() + " is a subset of a shipped font");
        }
      }
    }
  }

  @Test
  void documentDeclaresTitleLanguageAndMetadata() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertEquals(
          "Achieving for Children: standard privacy notice",
          doc.getDocumentInformation().getTitle());
      assertEquals("Achieving for Children", doc.getDocumentInformation().getAuthor());
      assertTrue(
          doc.getDocumentInformation().getSubject().startsWith("How Achieving for Children"));
      assertEquals("en-GB", doc.getDocumentCatalog().getLanguage());
      assertTrue(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle());
      assertTrue(doc.getDocumentCatalog().getMarkInfo().isMarked());
      assertEquals(595, (int) doc.getPage(0).getMediaBox().getWidth(), "A4 by default");
    }
  }

  @Test
  void headingsRunFromOneH1ThroughH2sWithoutSkippingALevel() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<Integer> levels =
          PdfInspection.structure(doc).stream()
              .map(PDStructureElement::getStructureType)
              .filter(t -> t.matches("H[1-6]"))
              .map(t -> Integer.parseInt(t.substring(1)))
              .toList();
      assertEquals(1, levels.get(0), "the first heading is the H1");
      assertEquals(1, levels.stream().filter(l -> l == 1).count(), "one H1");
      assertTrue(levels.stream().filter(l -> l == 2).count() >= 10, "a H2 per section: " + levels);
      for (int i = 1; i < levels.size(); i++) {
        assertTrue(levels.get(i) <= levels.get(i - 1) + 1, "no skipped level: " + levels);
      }
    }
  }

  @Test
  void listsAreTaggedAsLWithLiLblAndLBody() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<PDStructureElement> all = PdfInspection.structure(doc);
      List<PDStructureElement> lists =
          all.stream().filter(e -> e.getStructureType().equals("L")).toList();
      assertTrue(lists.size() >= 9, "every bulleted list is an L: " + lists.size());
      int items = 0;
      int labelled = 0;
      for (PDStructureElement l : lists) {
        for (Object kid : l.getKids()) {
          if (kid instanceof PDStructureElement li) {
            assertEquals("LI", li.getStructureType());
            List<String> parts =
                li.getKids().stream()
                    .filter(k -> k instanceof PDStructureElement)
                    .map(k -> ((PDStructureElement) k).getStructureType())
                    .toList();
            assertTrue(parts.contains("LBody"), "LI holds an LBody: " + parts);
            labelled += parts.contains("Lbl") ? 1 : 0;
            items++;
          }
        }
      }
      assertEquals(80, items, "every list item (71 bulleted, 9 contact lines) is an LI");
      assertEquals(71, labelled, "bulleted items carry their bullet as Lbl");
    }
  }

  @Test
  void linksAreTaggedAndDescribed() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<PDStructureElement> links =
          PdfInspection.structure(doc).stream()
              .filter(e -> e.getStructureType().equals("Link"))
              .toList();
      assertFalse(links.isEmpty(), "the ICO link is tagged");
      for (PDStructureElement link : links) {
        List<PDAnnotation> annotations = PdfInspection.annotations(link);
        assertFalse(annotations.isEmpty(), "a Link element refers to its annotation");
        for (PDAnnotation a : annotations) {
          assertTrue(a instanceof PDAnnotationLink);
          assertFalse(a.getContents() == null || a.getContents().isBlank(), "link has /Contents");
        }
      }
    }
  }

  @Test
  void runningFooterWithPageXOfYIsAnArtifact() throws Exception {
    String everything = PdfInspection.allText(pdf);
    String content = PdfInspection.contentText(pdf);
    int pages = standard.pdf().orElseThrow().pages();
    assertTrue(pages >= 3, "pages: " + pages);
    for (int page = 1; page <= pages; page++) {
      String footer = "Page " + page + " of " + pages;
      assertTrue(everything.contains(footer), "footer printed: " + footer);
      assertFalse(content.contains(footer), "footer is an artifact, not content: " + footer);
    }
    String title = "Our standard privacy notice";
    assertEquals(pages + 1, everything.split(title, -1).length - 1, "the title in every footer");
    assertEquals(1, content.split(title, -1).length - 1, "only the H1 is content");
  }

  @Test
  void bookmarksFollowTheHeadings() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDOutlineItem top = doc.getDocumentCatalog().getDocumentOutline().getFirstChild();
      assertEquals("Our standard privacy notice", top.getTitle());
      List<String> children = new ArrayList<>();
      top.children().forEach(c -> children.add(c.getTitle()));
      assertEquals("Your personal data – what is it?", children.get(0));
      assertTrue(children.contains("Your rights and access to information"), children.toString());
    }
  }

  @Test
  void missingFactsAreVisiblePlaceholdersNotInventions() throws Exception {
    String text = PdfInspection.contentText(pdf);
    assertTrue(text.contains("[To be confirmed: Data Protection Officer’s email address]"));
    assertTrue(text.contains("Registration number ZA045069"));
  }

  @Test
  void twoRendersGiveIdenticalBytes() {
    Publication again =
        Fixtures.pipeline().produce(new NoticeId("standard", "en-GB"), Layout.DEFAULT);
    assertArrayEquals(pdf, again.pdf().orElseThrow().bytes());
  }

  @Test
  void passesTheWcag22MachineProfile() {
    List<Finding> failures = Fixtures.wcag().validate(pdf, "standard");
    assertEquals(List.of(), failures);
  }
}
