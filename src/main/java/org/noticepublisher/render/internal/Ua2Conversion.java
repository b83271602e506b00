package org.noticepublisher.render.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.schema.XMPSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Turns the tagged PDF/UA-1 + PDF/A-2a file openhtmltopdf writes into a PDF 2.0 file for PDF/UA-2
 * (ISO 14289-2:2024), WTPDF 1.0 accessibility and PDF/A-4, without touching text, fonts or tags:
 *
 * <ul>
 *   <li>version 2.0 in header and catalog;
 *   <li>XMP rebuilt from the document information: {@code pdfuaid:part} 2 and {@code rev} 2024,
 *       {@code pdfaid:part} 4 and {@code rev} 2020 (no conformance level: that would claim 4e or
 *       4f), a WTPDF accessibility declaration, title, author and description in {@code dc:};
 *   <li>no document information dictionary: PDF/A-4 allows one only beside a PieceInfo;
 *   <li>the Document element in the PDF 2.0 structure namespace;
 *   <li>bookmarks as GoTo actions with a structure destination (the heading's element, which
 *       openhtmltopdf records as {@code /SE}) and the page destination for older viewers;
 *   <li>an annotation's Contents equal to its structure element's Alt; no empty Alt.
 * </ul>
 *
 * Must run after every other change to the document information, which it reads and then removes.
 */
public final class Ua2Conversion {
  public static final String PDF2_NAMESPACE = "http://iso.org/pdf2/ssn";
  public static final String WTPDF_ACCESSIBILITY =
      "http://pdfa.org/declarations/wtpdf#accessibility1.0";
  private static final String PDFUA_ID = "http://www.aiim.org/pdfua/ns/id/";
  private static final String DECLARATIONS = "http://pdfa.org/declarations/";
  private static final COSName NAMESPACES = COSName.getPDFName("Namespaces");
  private static final COSName NAMESPACE = COSName.getPDFName("Namespace");
  private static final COSName NS = COSName.getPDFName("NS");
  private static final COSName SE = COSName.getPDFName("SE");
  private static final COSName SD = COSName.getPDFName("SD");

  private Ua2Conversion() {}

  /**
   * Converts {@code doc} in place.
   *
   * @throws IllegalStateException when the document lacks what openhtmltopdf always writes in
   *     PDF/UA mode (a structure tree under one Document element, a structure element per
   *     bookmark), or has an internal link, which cannot be given a structure destination here
   */
  public static void apply(PDDocument doc) throws IOException {
    PDDocumentCatalog catalog = doc.getDocumentCatalog();
    PDStructureTreeRoot root = catalog.getStructureTreeRoot();
    if (root == null) {
      throw new IllegalStateException("PDF/UA-2 needs a tagged PDF; the document has no structure");
    }
    writeMetadata(doc);
    // Removed only now: writeMetadata reads it, and PDDocument.getDocumentInformation() would
    // recreate it, so nothing may call that after this line.
    doc.getDocument().getTrailer().removeItem(COSName.INFO);
    // PDDocument.setVersion changes only the catalog's /Version once the header says 1.4 or more.
    doc.getDocument().setVersion(2.0f);
    doc.getDocumentCatalog().setVersion("2.0");
    documentInPdf2Namespace(root);
    if (catalog.getDocumentOutline() != null) {
      bookmarksToStructureDestinations(catalog.getDocumentOutline());
    }
    annotationTexts(root);
  }

  private static void writeMetadata(PDDocument doc) throws IOException {
    PDDocumentInformation info = doc.getDocumentInformation();
    XMPMetadata xmp = XMPMetadata.createXMPMetadata();
    DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
    dc.setFormat("application/pdf");
    if (info.getTitle() != null) {
      dc.setTitle(info.getTitle());
    }
    if (info.getAuthor() != null) {
      dc.addCreator(info.getAuthor());
    }
    if (info.getSubject() != null) {
      dc.setDescription(info.getSubject());
    }
    String lang = doc.getDocumentCatalog().getLanguage();
    if (lang != null) {
      dc.addLanguage(lang);
    }
    AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
    pdf.setPDFVersion("2.0");
    if (info.getProducer() != null) {
      pdf.setProducer(info.getProducer());
    }
    if (info.getKeywords() != null) {
      pdf.setKeywords(info.getKeywords());
    }
    XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
    if (info.getCreator() != null) {
      basic.setCreatorTool(info.getCreator());
    }
    Calendar created = info.getCreationDate();
    if (created != null) {
      basic.setCreateDate(created);
      basic.setMetadataDate(created);
    }
    Calendar modified = info.getModificationDate();
    if (modified != null) {
      basic.setModifyDate(modified);
    }
    PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
    pdfa.setPart(4);
    pdfa.setRev(2020);
    XMPSchema pdfua = new XMPSchema(xmp, PDFUA_ID, "pdfuaid");
    pdfua.setTextPropertyValue("part", "2");
    pdfua.setTextPropertyValue("rev", "2024");
    xmp.addSchema(pdfua);
    // Declares only what the file is validated against before it is published (wt1a).
    XMPSchema declarations = new XMPSchema(xmp, DECLARATIONS, "pdfd");
    XMPSchema accessibility = new XMPSchema(xmp, DECLARATIONS, "pdfd");
    accessibility.setTextPropertyValue("conformsTo", WTPDF_ACCESSIBILITY);
    declarations.addBagValue("declarations", accessibility);
    xmp.addSchema(declarations);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new XmpSerializer().serialize(xmp, out, true);
    } catch (TransformerException e) {
      throw new IOException("cannot write XMP metadata", e);
    }
    PDMetadata metadata = new PDMetadata(doc);
    metadata.importXMPMetadata(out.toByteArray());
    doc.getDocumentCatalog().setMetadata(metadata);
  }

  private static void documentInPdf2Namespace(PDStructureTreeRoot root) {
    List<Object> kids = root.getKids();
    if (kids.size() != 1
        || !(kids.get(0) instanceof PDStructureElement document)
        || !"Document".equals(document.getStructureType())) {
      throw new IllegalStateException(
          "PDF/UA-2 needs a single Document element under the structure tree root, found " + kids);
    }
    COSDictionary namespace = new COSDictionary();
    namespace.setItem(COSName.TYPE, NAMESPACE);
    namespace.setString(NS, PDF2_NAMESPACE);
    // Referenced from two places, so it must be one indirect object, not two inline copies.
    COSObject shared = new COSObject(namespace);
    COSArray namespaces = new COSArray();
    namespaces.add(shared);
    root.getCOSObject().setItem(NAMESPACES, namespaces);
    document.getCOSObject().setItem(NS, shared);
  }

  private static void bookmarksToStructureDestinations(PDOutlineNode node) throws IOException {
    for (PDOutlineItem item : node.children()) {
      COSBase se = item.getCOSObject().getDictionaryObject(SE);
      if (!(se instanceof COSDictionary)) {
        throw new IllegalStateException(
            "bookmark '"
                + item.getTitle()
                + "' has no structure element to point at (PDF/UA-2 8.8)");
      }
      if (!(item.getDestination() instanceof PDPageDestination page)) {
        throw new IllegalStateException(
            "bookmark '" + item.getTitle() + "' has no page destination: " + item.getCOSObject());
      }
      COSArray structureDestination = new COSArray();
      structureDestination.add(item.getCOSObject().getItem(SE));
      COSArray explicit = page.getCOSObject();
      for (int i = 1; i < explicit.size(); i++) {
        structureDestination.add(explicit.get(i));
      }
      PDActionGoTo goTo = new PDActionGoTo();
      goTo.setDestination(page);
      goTo.getCOSObject().setItem(SD, structureDestination);
      item.setDestination((PDPageDestination) null);
      item.setAction(goTo);
      bookmarksToStructureDestinations(item);
    }
  }

  /**
   * PDF/UA-2 8.9.4.2: an annotation's Contents and the Alt of its enclosing structure element must
   * agree. openhtmltopdf writes the {@code title} attribute as Alt, an empty one when there is
   * none.
   */
  private static void annotationTexts(PDStructureNode node) throws IOException {
    for (Object kid : node.getKids()) {
      if (!(kid instanceof PDStructureElement element)) {
        continue;
      }
      List<PDAnnotation> annotations = new ArrayList<>();
      for (Object k : element.getKids()) {
        if (k instanceof PDObjectReference ref
            && ref.getReferencedObject() instanceof PDAnnotation a) {
          annotations.add(a);
        }
      }
      if (!annotations.isEmpty()) {
        String alt = element.getAlternateDescription();
        if (alt != null && alt.isBlank()) {
          element.getCOSObject().removeItem(COSName.ALT);
        } else if (alt != null) {
          annotations.forEach(a -> a.setContents(alt));
        }
        for (PDAnnotation a : annotations) {
          refuseInternalLink(a);
        }
      }
      annotationTexts(element);
    }
  }

  private static void refuseInternalLink(PDAnnotation a) throws IOException {
    if (a instanceof PDAnnotationLink link) {
      PDAction action = link.getAction();
      if (link.getDestination() != null || action instanceof PDActionGoTo) {
        throw new IllegalStateException(
            "link '"
                + a.getContents()
                + "' points inside the document;"
                + " PDF/UA-2 needs a structure destination there, which is not made for links");
      }
    }
  }
}
