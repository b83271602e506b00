package org.noticepublisher.render.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpSerializer;
import org.junit.jupiter.api.Test;
import org.noticepublisher.Sha256;

/**
 * Two renders of the same sources must be the same bytes: every date a render stamps becomes the
 * edition's date and the document ID comes from the content, in the Info dictionary and in XMP.
 */
class ReproducibleMetadataTest {
  private static final LocalDate PUBLISHED = LocalDate.of(2026, 11, 28);

  @Test
  void everyDateTheRendererStampedBecomesThePublicationDate() throws Exception {
    try (PDDocument doc = new PDDocument()) {
      XMPMetadata xmp = XMPMetadata.createXMPMetadata();
      XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
      basic.setCreateDate(new GregorianCalendar()); // now, as a render stamps it
      basic.setModifyDate(new GregorianCalendar());
      basic.setCreatorTool("openhtmltopdf");
      ByteArrayOutputStream packet = new ByteArrayOutputStream();
      new XmpSerializer().serialize(xmp, packet, true);
      PDMetadata metadata = new PDMetadata(doc);
      metadata.importXMPMetadata(packet.toByteArray());
      doc.getDocumentCatalog().setMetadata(metadata);
      byte[] hash = Sha256.of("content".getBytes(StandardCharsets.UTF_8));

      ReproducibleMetadata.apply(doc, PUBLISHED, hash);

      XMPBasicSchema fixed =
          new DomXmpParser()
              .parse(doc.getDocumentCatalog().getMetadata().toByteArray())
              .getXMPBasicSchema();
      assertEquals(PUBLISHED, day(fixed.getCreateDate()));
      assertEquals(PUBLISHED, day(fixed.getModifyDate()));
      assertNull(fixed.getMetadataDate(), "a date the renderer did not write is not added");
      assertEquals("openhtmltopdf", fixed.getCreatorTool(), "other properties are kept");
      assertEquals(PUBLISHED, day(doc.getDocumentInformation().getCreationDate()));
      assertEquals(PUBLISHED, day(doc.getDocumentInformation().getModificationDate()));
      COSArray id = (COSArray) doc.getDocument().getTrailer().getDictionaryObject(COSName.ID);
      assertArrayEquals(Arrays.copyOf(hash, 16), ((COSString) id.getObject(0)).getBytes());
      assertArrayEquals(Arrays.copyOf(hash, 16), ((COSString) id.getObject(1)).getBytes());
    }
  }

  private static LocalDate day(Calendar c) {
    return c.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
  }
}
