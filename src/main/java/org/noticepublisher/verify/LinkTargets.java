package org.noticepublisher.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.noticepublisher.Finding;
import org.noticepublisher.catalog.LinkTarget;

/**
 * The PDF's own links, whatever produced them: a link action may open only an address {@link
 * LinkTarget} allows, or a place in the document. Anything else (a {@code javascript:} or {@code
 * file:} URI, a launch or JavaScript action) is refused.
 */
public final class LinkTargets {
  private LinkTargets() {}

  public static List<Finding> check(byte[] pdf, String source) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return check(doc, source);
    } catch (IOException e) {
      return List.of(readError(e, source));
    }
  }

  /** As {@link #check(byte[], String)}, on a document loaded once for every check. */
  public static List<Finding> check(PDDocument doc, String source) {
    List<Finding> findings = new ArrayList<>();
    try {
      int n = 0;
      for (PDPage page : doc.getPages()) {
        n++;
        for (PDAnnotation a : page.getAnnotations()) {
          if (!(a instanceof PDAnnotationLink link)) {
            continue;
          }
          PDAction action = link.getAction();
          if (action instanceof PDActionURI uri) {
            String target = uri.getURI() == null ? "" : uri.getURI();
            if (LinkTarget.of(target) == LinkTarget.Verdict.REFUSED) {
              findings.add(
                  Finding.error(
                          "link.target",
                          "page "
                              + n
                              + " links to '"
                              + LinkTarget.shown(target)
                              + "': a notice links only to "
                              + LinkTarget.ALLOWED)
                      .at(source, 0)
                      .withFix(
                          "fix the link's address where it is written (organisation profile "
                              + "or template)"));
            }
          } else if (action != null && !(action instanceof PDActionGoTo)) {
            findings.add(
                Finding.error(
                        "link.target",
                        "page " + n + " has a link that runs a " + action.getSubType() + " action")
                    .at(source, 0)
                    .withFix("link to an https: address or a part of the notice"));
          }
        }
      }
    } catch (IOException e) {
      findings.add(readError(e, source));
    }
    return findings;
  }

  private static Finding readError(IOException e, String source) {
    return Finding.error("link.read", "PDFBox cannot read the PDF: " + e.getMessage())
        .at(source, 0);
  }
}
