package org.noticepublisher.render.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;

/**
 * Replaces everything that would make two renders of the same sources differ: the creation and
 * modification dates (Info and XMP) become the edition's publication date, and the trailer /ID becomes
 * a hash of the content instead of a time-based value.
 */
public final class ReproducibleMetadata {
  private static final Pattern XMP_DATE = Pattern.compile(
      "(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)[^<]*(</xmp:\\w+>)"
      + "|((?:xmp:(?:CreateDate|ModifyDate|MetadataDate))=\")[^\"]*(\")");

  private ReproducibleMetadata() {}

  public static void apply(PDDocument doc, LocalDate published, byte[] contentHash) throws IOException {
    Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    date.clear();
    date.set(published.getYear(), published.getMonthValue() - 1, published.getDayOfMonth());
    doc.getDocumentInformation().setCreationDate(date);
    doc.getDocumentInformation().setModificationDate(date);

    PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
    if (metadata != null) {
      String xmp;
      try (InputStream in = metadata.exportXMPMetadata()) {
        xmp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String iso = published + "T00:00:00Z";
      String fixed = XMP_DATE.matcher(xmp).replaceAll(m -> Matcher.quoteReplacement(
          m.group(1) != null ? m.group(1) + iso + m.group(2) : m.group(3) + iso + m.group(4)));
      try (var out = metadata.createOutputStream()) {
        out.write(fixed.getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] id = Arrays.copyOf(contentHash, 16);
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    doc.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  public static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        md.update(p);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
