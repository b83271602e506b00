package org.noticepublisher.verify.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Extracts the text a screen reader gets: everything except what is marked as an artifact (running
 * footers, page numbers). With {@code includeArtifacts} it extracts what a plain text copy gets.
 */
public final class ContentTextStripper extends PDFTextStripper {
  private final boolean includeArtifacts;
  private final Deque<Boolean> artifact = new ArrayDeque<>();

  private ContentTextStripper(boolean includeArtifacts) {
    this.includeArtifacts = includeArtifacts;
    setSortByPosition(true);
  }

  public static String content(PDDocument doc) throws IOException {
    return new ContentTextStripper(false).getText(doc);
  }

  public static String everything(PDDocument doc) throws IOException {
    return new ContentTextStripper(true).getText(doc);
  }

  @Override
  public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
    boolean inside = !artifact.isEmpty() && artifact.peek();
    artifact.push(inside || COSName.ARTIFACT.equals(tag));
    super.beginMarkedContentSequence(tag, properties);
  }

  @Override
  public void endMarkedContentSequence() {
    if (!artifact.isEmpty()) {
      artifact.pop();
    }
    super.endMarkedContentSequence();
  }

  @Override
  protected void processTextPosition(TextPosition text) {
    if (includeArtifacts || artifact.isEmpty() || !artifact.peek()) {
      super.processTextPosition(text);
    }
  }
}
