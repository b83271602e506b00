package org.noticepublisher.render.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Replaces everything that would make two renders of the same sources differ: the creation and
 * modification dates (Info and XMP) become the edition's publication date, and the trailer /ID
 * becomes a hash of the content instead of a time-based value.
 */
public final class ReproducibleMetadata {
  private ReproducibleMetadata() {}

  /**
   * Sets the dates and the document ID.
   *
   * @param contentHash what the ID is made of (its first 16 bytes): a hash of everything the file
   *     is made from, so the same sources give the same ID
   */
  public static void apply(PDDocument doc, LocalDate published, byte[] contentHash)
      throws IOException {
    Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    date.clear();
    date.set(published.getYear(), published.getMonthValue() - 1, published.getDayOfMonth());
    doc.getDocumentInformation().setCreationDate(date);
    doc.getDocumentInformation().setModificationDate(date);

    PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
    if (metadata != null) {
      metadata.importXMPMetadata(withDates(metadata.toByteArray(), date));
    }
    byte[] id = Arrays.copyOf(contentHash, 16);
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    doc.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  /** The XMP packet with every xmp: date that is present set to {@code date}; nothing added. */
  private static byte[] withDates(byte[] packet, Calendar date) throws IOException {
    XMPMetadata xmp;
    try {
      xmp = new DomXmpParser().parse(packet);
    } catch (XmpParsingException e) {
      // openhtmltopdf writes this packet with xmpbox: failing to read it back is a bug, not
      // content.
      throw new IllegalStateException("cannot read the XMP metadata the renderer wrote", e);
    }
    XMPBasicSchema basic = xmp.getXMPBasicSchema();
    if (basic != null) {
      if (basic.getCreateDate() != null) {
        basic.setCreateDate(date);
      }
      if (basic.getModifyDate() != null) {
        basic.setModifyDate(date);
      }
      if (basic.getMetadataDate() != null) {
        basic.setMetadataDate(date);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(packet.length);
    try {
      new XmpSerializer().serialize(xmp, out, true);
    } catch (javax.xml.transform.TransformerException e) {
      throw new IllegalStateException("cannot write XMP metadata", e);
    }
    return out.toByteArray();
  }
}
