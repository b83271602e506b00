package org.noticepublisher.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;
import org.noticepublisher.Sha256;

/**
 * A digest of what turns sources into a notice: the project's own classes and resources (fonts,
 * colour profile) and the names of the libraries on the class path (their versions are in the
 * names). A new build or a library upgrade changes it, so nothing made by older code is taken as
 * current.
 */
final class Engine {
  /** A class from each library whose version can change what a notice looks like or passes. */
  private static final List<String> LIBRARIES =
      List.of(
          "com.openhtmltopdf.pdfboxout.PdfRendererBuilder",
          "com.openhtmltopdf.svgsupport.BatikSVGDrawer",
          "com.openhtmltopdf.bidi.support.ICUBidiReorderer",
          "org.apache.pdfbox.pdmodel.PDDocument",
          "org.apache.xmpbox.XMPMetadata",
          "org.thymeleaf.TemplateEngine",
          "com.ibm.icu.text.MessageFormat",
          "org.verapdf.pdfa.Foundries",
          "org.jsoup.Jsoup",
          "com.openhtmltopdf.layout.Layer",
          "org.apache.fontbox.ttf.TrueTypeFont",
          "org.apache.pdfbox.io.RandomAccessRead",
          "org.apache.batik.bridge.BridgeContext");

  static final String DIGEST = compute();

  private Engine() {}

  private static String compute() {
    MessageDigest md = Sha256.newDigest();
    URL code = location(Engine.class);
    try {
      Path own = code == null ? null : Path.of(code.toURI());
      if (own == null) {
        md.update("unknown code source".getBytes(StandardCharsets.UTF_8));
      } else {
        ownCode(md, own);
      }
    } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
      md.update(String.valueOf(code).getBytes(StandardCharsets.UTF_8));
    }
    // Complex scripts are shaped by the JDK's own layout engine, so its version counts too.
    md.update(
        ("java " + System.getProperty("java.runtime.version", "?"))
            .getBytes(StandardCharsets.UTF_8));
    for (String library : LIBRARIES) {
      md.update(library.getBytes(StandardCharsets.UTF_8));
      md.update(where(library).getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** The digest of the project's own code at {@code own}, a class folder or a jar; for tests. */
  static String ownCode(Path own) {
    MessageDigest md = Sha256.newDigest();
    ownCode(md, own);
    return HexFormat.of().formatHex(md.digest());
  }

  private static void ownCode(MessageDigest md, Path own) {
    try {
      if (Files.isDirectory(own)) {
        try (Stream<Path> files = Files.walk(own)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            byte[] bytes = Files.readAllBytes(f);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry(
                md, own.relativize(f).toString().replace('\\', '/'), bytes.length, crc.getValue());
          }
        }
      } else {
        // The packaged jar digests as the folder it was made from: the same classes and resources
        // give the same hash whether a run starts from Maven (target/classes) or from the jar, and
        // however often the jar is rebuilt (its timestamps and META-INF do not count). The sizes
        // and CRC-32s come from the jar's directory: nothing is inflated.
        try (ZipFile jar = new ZipFile(own.toFile())) {
          List<? extends ZipEntry> entries =
              jar.stream()
                  .filter(e -> !e.isDirectory())
                  .sorted(Comparator.comparing(ZipEntry::getName))
                  .toList();
          for (ZipEntry e : entries) {
            entry(md, e.getName(), e.getSize(), e.getCrc());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the project's own code to fingerprint it", e);
    }
  }

  /**
   * A file of the project's own code, by name, size and CRC-32; META-INF (manifest, build metadata)
   * says nothing of it. The CRC, not a SHA-256 of the bytes: this runs at the start of every
   * command, where hashing the 14 MB of fonts cost 100–200 ms of CPU (no SHA intrinsic in the C1
   * compiler the command line runs with), and a build that changes a file and keeps both its size
   * and its CRC-32 is not a realistic accident.
   */
  private static void entry(MessageDigest md, String name, long size, long crc) {
    if (!name.startsWith("META-INF/")) {
      md.update(name.getBytes(StandardCharsets.UTF_8));
      md.update((" " + size + " " + Long.toHexString(crc) + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * The jar a library's class comes from, by file name only ({@code pdfbox-3.0.8.jar}): the version
   * counts, the folder it was installed in does not.
   */
  private static String where(String className) {
    try {
      URL code = location(Class.forName(className, false, Engine.class.getClassLoader()));
      if (code == null) {
        return "?";
      }
      String path = code.getPath();
      return path.substring(path.lastIndexOf('/', path.length() - 2) + 1);
    } catch (ClassNotFoundException | LinkageError e) {
      return "absent";
    }
  }

  /**
   * The jar or class folder {@code type} was loaded from, or null. Some class loaders (Maven's
   * {@code exec:java}) give classes a code source without a location; then the class file's own URL
   * tells ({@code jar:file:…!/…} or {@code file:…/org/…/Engine.class}).
   */
  static @Nullable URL location(Class<?> type) {
    CodeSource code = type.getProtectionDomain().getCodeSource();
    if (code != null && code.getLocation() != null) {
      return code.getLocation();
    }
    String file = type.getName().replace('.', '/') + ".class";
    URL self = type.getClassLoader() == null ? null : type.getClassLoader().getResource(file);
    if (self == null) {
      return null;
    }
    String url = self.toString();
    try {
      if (url.startsWith("jar:") && url.contains("!/")) {
        return new URL(url.substring("jar:".length(), url.indexOf("!/")));
      }
      if (url.endsWith(file)) {
        return new URL(url.substring(0, url.length() - file.length()));
      }
    } catch (MalformedURLException e) {
      return null;
    }
    return null;
  }
}
