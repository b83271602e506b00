package org.noticepublisher.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.noticepublisher.Sha256;

/**
 * A digest of what turns sources into a notice: the project's own classes and resources (fonts, colour
 * profile) and the names of the libraries on the class path (their versions are in the names). A new
 * build or a library upgrade changes it, so nothing made by older code is taken as current.
 */
final class Engine {
  /** A class from each library whose version can change what a notice looks like or passes. */
  private static final List<String> LIBRARIES = List.of(
      "com.openhtmltopdf.pdfboxout.PdfRendererBuilder",
      "com.openhtmltopdf.svgsupport.BatikSVGDrawer",
      "com.openhtmltopdf.bidi.support.ICUBidiReorderer",
      "org.apache.pdfbox.pdmodel.PDDocument",
      "org.apache.xmpbox.XMPMetadata",
      "org.thymeleaf.TemplateEngine",
      "com.ibm.icu.text.MessageFormat",
      "org.verapdf.pdfa.Foundries",
      "org.jsoup.Jsoup");

  static final String DIGEST = compute();

  private Engine() {}

  private static String compute() {
    MessageDigest md = Sha256.newDigest();
    CodeSource code = Engine.class.getProtectionDomain().getCodeSource();
    try {
      Path own = code == null ? null : Path.of(code.getLocation().toURI());
      if (own == null) {
        md.update("unknown code source".getBytes(StandardCharsets.UTF_8));
      } else if (Files.isDirectory(own)) {
        try (Stream<Path> files = Files.walk(own)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            md.update(own.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(f));
          }
        }
      } else {
        md.update(Files.readAllBytes(own));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the project's own code to fingerprint it", e);
    } catch (URISyntaxException | IllegalArgumentException e) {
      md.update(String.valueOf(code.getLocation()).getBytes(StandardCharsets.UTF_8));
    }
    for (String library : LIBRARIES) {
      md.update(library.getBytes(StandardCharsets.UTF_8));
      md.update(where(library).getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * The jar a library's class comes from, by file name only ({@code pdfbox-3.0.8.jar}): the version
   * counts, the folder it was installed in does not.
   */
  private static String where(String className) {
    try {
      CodeSource code = Class.forName(className, false, Engine.class.getClassLoader())
          .getProtectionDomain().getCodeSource();
      if (code == null) {
        return "?";
      }
      String path = code.getLocation().getPath();
      return path.substring(path.lastIndexOf('/', path.length() - 2) + 1);
    } catch (ClassNotFoundException | LinkageError e) {
      return "absent";
    }
  }

}
