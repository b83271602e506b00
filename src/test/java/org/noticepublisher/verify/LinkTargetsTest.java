package org.noticepublisher.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticepublisher.Finding;

/** The PDF itself carries no link the project would refuse in its sources, whatever made it. */
class LinkTargetsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https | https://ico.org.uk/make-a-complaint/ | 0",
        "mailto | mailto:dpo@example.org | 0",
        "tel | tel:+443031231113 | 0",
        "http | http://www.example.org/ | 0",
        "javascript | javascript:alert(1) | 1",
        "javascript with a tab | java\tscript:alert(1) | 1",
        "file | file:///etc/passwd | 1",
        "data | data:text/html;base64,PHNjcmlwdD4= | 1",
        "relative | ../notice.pdf | 1"
      })
  void uriActions(String name, String uri, int findings) throws Exception {
    PDActionURI action = new PDActionURI();
    action.setURI(uri);
    List<Finding> found = LinkTargets.check(pdfWith(action), "test");
    assertEquals(findings, found.size(), found.toString());
    found.forEach(f -> assertTrue(f.isError() && f.code().equals("link.target"), f.toString()));
  }

  @Test
  void javaScriptActionsAreRefused() throws Exception {
    List<Finding> found = LinkTargets.check(pdfWith(new PDActionJavaScript("app.alert(1)")), "t");
    assertEquals(1, found.size(), found.toString());
  }

  private static byte[] pdfWith(org.apache.pdfbox.pdmodel.interactive.action.PDAction action)
      throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDAnnotationLink link = new PDAnnotationLink();
      link.setRectangle(new PDRectangle(72, 700, 100, 12));
      link.setAction(action);
      page.getAnnotations().add(link);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }
}
