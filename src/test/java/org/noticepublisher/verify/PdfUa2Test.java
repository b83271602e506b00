package org.noticepublisher.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.junit.jupiter.api.Test;
import org.noticepublisher.Finding;
import org.noticepublisher.Fixtures;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.pipeline.Publication;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** What the PDF/UA-2 conversion writes, read back from standard/en-GB; and what it leaves alone. */
class PdfUa2Test {
  private static final String ISO_PDF2 = "http://iso.org/pdf2/ssn";
  private static final NoticeId STANDARD = new NoticeId("standard", "en-GB");

  /** Where the default file's sha256 is kept; see {@link #theDefaultFileIsByteForByteUnchanged}. */
  private static final Path GOLDEN = Path.of("src/test/resources/golden/standard.en-GB.pdf.sha256");

  private static byte[] ua2() {
    return PdfUa2MatrixTest.produced("standard", "en-GB").pdf().orElseThrow().bytes();
  }

  /**
   * The default (PDF/UA-1 + PDF/A-2a) file, byte for byte as before PDF/UA-2 existed. Changing the
   * sources, fonts or renderer on purpose changes it too: then write the new sha256 (printed below)
   * into the golden file, after checking the change is the one intended.
   */
  @Test
  void theDefaultFileIsByteForByteUnchanged() throws Exception {
    byte[] pdf = Fixtures.produced("standard", "en-GB").pdf().orElseThrow().bytes();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
    assertEquals(
        Files.readString(GOLDEN).strip(),
        sha,
        "default output of standard/en-GB changed; update " + GOLDEN + " only if intended");
    assertEquals("%PDF-1.6", new String(pdf, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  @Test
  void twoRendersGiveTheSameBytes() {
    Publication again = Fixtures.pipeline().produce(STANDARD, PdfUa2MatrixTest.UA2);
    assertArrayEquals(ua2(), again.pdf().orElseThrow().bytes());
  }

  @Test
  void versionTwoInHeaderAndCatalogAndNoDocumentInformation() throws Exception {
    try (PDDocument doc = Loader.loadPDF(ua2())) {
      assertEquals(2.0f, doc.getDocument().getVersion(), "header");
      assertEquals("2.0", doc.getDocumentCatalog().getVersion(), "catalog /Version");
      assertNull(
          doc.getDocument().getTrailer().getItem(COSName.INFO),
          "PDF/A-4 allows /Info only beside a PieceInfo");
      assertNotNull(doc.getDocument().getTrailer().getItem(COSName.ID), "document ID kept");
    }
  }

  @Test
  void xmpIdentifiesPdfUa2PdfA4AndWtpdfAndKeepsTitleAndAuthor() throws Exception {
    Document xmp;
    try (PDDocument doc = Loader.loadPDF(ua2())) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      xmp =
          f.newDocumentBuilder()
              .parse(
                  new ByteArrayInputStream(doc.getDocumentCatalog().getMetadata().toByteArray()));
    }
    assertEquals(List.of("2.0"), texts(xmp, "http://ns.adobe.com/pdf/1.3/", "PDFVersion"));
    assertEquals(List.of("2"), texts(xmp, "http://www.aiim.org/pdfua/ns/id/", "part"));
    assertEquals(List.of("2024"), texts(xmp, "http://www.aiim.org/pdfua/ns/id/", "rev"));
    assertEquals(List.of("4"), texts(xmp, "http://www.aiim.org/pdfa/ns/id/", "part"));
    assertEquals(List.of("2020"), texts(xmp, "http://www.aiim.org/pdfa/ns/id/", "rev"));
    assertEquals(
        List.of(),
        texts(xmp, "http://www.aiim.org/pdfa/ns/id/", "conformance"),
        "a conformance level would claim PDF/A-4e or 4f");
    assertEquals(
        List.of("http://pdfa.org/declarations/wtpdf#accessibility1.0"),
        texts(xmp, "http://pdfa.org/declarations/", "conformsTo"),
        "declares only what the file is validated against");
    assertEquals(
        List.of("Achieving for Children: standard privacy notice"),
        texts(xmp, "http://purl.org/dc/elements/1.1/", "title"));
    assertEquals(
        List.of("Achieving for Children"),
        texts(xmp, "http://purl.org/dc/elements/1.1/", "creator"));
    assertEquals(
        List.of("2026-11-28T00:00:00+00:00"),
        texts(xmp, "http://ns.adobe.com/xap/1.0/", "CreateDate"),
        "the edition's date");
  }

  private static List<String> texts(Document xmp, String ns, String name) {
    NodeList nodes = xmp.getElementsByTagNameNS(ns, name);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent().strip());
    }
    return out;
  }

  @Test
  void documentElementIsInThePdf2NamespaceListedInTheStructureTreeRoot() throws Exception {
    try (PDDocument doc = Loader.loadPDF(ua2())) {
      var root = doc.getDocumentCatalog().getStructureTreeRoot();
      COSArray namespaces =
          (COSArray) root.getCOSObject().getDictionaryObject(COSName.getPDFName("Namespaces"));
      assertEquals(1, namespaces.size());
      assertTrue(namespaces.get(0) instanceof COSObject, "an indirect object");
      COSDictionary ns = (COSDictionary) namespaces.getObject(0);
      assertEquals(COSName.getPDFName("Namespace"), ns.getItem(COSName.TYPE));
      assertEquals(ISO_PDF2, ns.getString(COSName.getPDFName("NS")));
      List<Object> kids = root.getKids();
      assertEquals(1, kids.size());
      PDStructureElement document = (PDStructureElement) kids.get(0);
      assertEquals("Document", document.getStructureType());
      assertSame(ns, document.getCOSObject().getDictionaryObject(COSName.getPDFName("NS")));
    }
  }

  @Test
  void everyBookmarkLeadsToItsHeadingElementAndItsPage() throws Exception {
    try (PDDocument doc = Loader.loadPDF(ua2())) {
      List<String> seen = new ArrayList<>();
      bookmarks(doc, doc.getDocumentCatalog().getDocumentOutline(), seen);
      assertEquals(14, seen.size(), "the H1 and every H2: " + seen);
      assertEquals("H1 Our standard privacy notice p1", seen.get(0));
      assertEquals("H2 Questions and complaints p5", seen.get(12));
    }
  }

  private static void bookmarks(PDDocument doc, PDOutlineNode node, List<String> seen)
      throws Exception {
    for (PDOutlineItem item : node.children()) {
      assertNull(item.getCOSObject().getItem(COSName.DEST), "a GoTo action instead of /Dest");
      PDActionGoTo goTo = (PDActionGoTo) item.getAction();
      PDPageDestination page = (PDPageDestination) goTo.getDestination();
      COSArray sd = (COSArray) goTo.getCOSObject().getDictionaryObject(COSName.getPDFName("SD"));
      assertTrue(sd.get(0) instanceof COSObject, "the structure element, by reference");
      PDStructureElement heading = new PDStructureElement((COSDictionary) sd.getObject(0));
      assertSame(
          item.getCOSObject().getDictionaryObject(COSName.getPDFName("SE")),
          heading.getCOSObject(),
          "the element openhtmltopdf recorded for the bookmark");
      int pageNumber = doc.getPages().indexOf(page.getPage()) + 1;
      assertEquals(
          pageNumber,
          doc.getPages().indexOf(heading.getPage()) + 1,
          "the page destination and the heading agree: " + item.getTitle());
      assertEquals(
          page.getCOSObject().toList().subList(1, page.getCOSObject().size()),
          sd.toList().subList(1, sd.size()),
          "same view as the page destination");
      seen.add(heading.getStructureType() + " " + item.getTitle() + " p" + pageNumber);
      bookmarks(doc, item, seen);
    }
  }

  @Test
  void linkElementsHaveNoEmptyAltAndAnnotationsKeepTheirContents() throws Exception {
    try (PDDocument doc = Loader.loadPDF(ua2())) {
      Set<String> contents = new TreeSet<>();
      for (PDStructureElement e : PdfInspection.structure(doc)) {
        List<PDAnnotation> annotations = PdfInspection.annotations(e);
        if (!annotations.isEmpty()) {
          String alt = e.getAlternateDescription();
          assertFalse(alt != null && alt.isBlank(), "empty Alt on " + e.getStructureType());
          for (PDAnnotation a : annotations) {
            assertTrue(alt == null || alt.equals(a.getContents()), "Contents equals Alt");
            COSBase action = a.getCOSObject().getDictionaryObject(COSName.A);
            assertTrue(
                action instanceof COSDictionary d && COSName.URI.equals(d.getCOSName(COSName.S)),
                "links leave the document");
            contents.add(a.getContents());
          }
        }
      }
      assertEquals(Set.of("ico.org.uk/make-a-complaint/"), contents, "the link's text, kept");
    }
  }

  /** The gate must tell the standards apart, or a wrong file could be published as PDF/UA-2. */
  @Test
  void eachValidatorRejectsTheOtherStandardsFile() {
    byte[] ua1 = Fixtures.produced("standard", "en-GB").pdf().orElseThrow().bytes();
    Set<String> ua1AsUa2 =
        rules(PdfValidator.publishingStandards(Layout.Standard.UA2).validate(ua1, "ua1"));
    // The rules the issue names for today's files, each failing for PDF/UA-2 (and WTPDF).
    for (String rule :
        List.of(
            "ISO 14289-2:2024 5-2",
            "ISO 14289-2:2024 5-5",
            "ISO 14289-2:2024 8.2.5.2-2",
            "ISO 14289-2:2024 8.8-1",
            "ISO 14289-2:2024 8.9.4.2-1",
            "ISO 19005-4:2020 6.1.2-1",
            "ISO 19005-4:2020 6.1.3-4",
            "WTPDF1.0 6.1.3-1")) {
      assertTrue(ua1AsUa2.contains(rule), rule + " in " + ua1AsUa2);
    }
    Set<String> ua2AsUa1 =
        rules(PdfValidator.publishingStandards(Layout.Standard.UA1).validate(ua2(), "ua2"));
    assertTrue(ua2AsUa1.contains("ISO 14289-1:2014 5-2"), "pdfuaid:part 1: " + ua2AsUa1);
    assertTrue(ua2AsUa1.stream().anyMatch(r -> r.startsWith("ISO 19005-2")), ua2AsUa1.toString());
  }

  private static Set<String> rules(List<Finding> findings) {
    Set<String> rules = new TreeSet<>();
    findings.forEach(f -> rules.add(f.code()));
    return rules;
  }
}
