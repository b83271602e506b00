package org.noticepublisher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.Cli;
import org.noticepublisher.Fixtures;

/** {@code render --standard ua2} publishes beside the default files; the manifest says which. */
class RenderStandardTest {
  @Test
  void pdfUa2FilesArePublishedBesideTheDefaultOnes(@TempDir Path output) throws Exception {
    Cli ua1 = render(output);
    assertEquals(0, ua1.code(), ua1.printed());
    Cli ua2 = render(output, "--standard", "ua2");
    assertEquals(0, ua2.code(), ua2.printed());
    assertTrue(ua2.out().contains("standard/en-GB (a4, ua2)"), ua2.out());

    Path folder = output.resolve("standard/en-GB");
    assertEquals("%PDF-1.6", header(folder.resolve("standard.en-GB.pdf")));
    assertEquals("%PDF-2.0", header(folder.resolve("standard.en-GB.ua2.pdf")));
    assertTrue(Files.isRegularFile(folder.resolve("standard.en-GB.html")), "one HTML twin");
    try (var files = Files.list(folder)) {
      assertEquals(3, files.count(), "the two PDFs and their shared HTML twin");
    }

    Map<String, JsonNode> entries = new TreeMap<>();
    new ObjectMapper()
        .readTree(output.resolve("manifest.json").toFile())
        .path("files")
        .forEach(e -> entries.put(e.path("path").asText(), e));
    assertEquals(3, entries.size(), entries.keySet().toString());
    JsonNode pdf1 = entries.get("standard/en-GB/standard.en-GB.pdf");
    JsonNode pdf2 = entries.get("standard/en-GB/standard.en-GB.ua2.pdf");
    assertEquals("ua1", pdf1.path("standard").asText());
    assertEquals("ua2", pdf2.path("standard").asText());
    assertEquals(
        "PDF/UA-2 + WTPDF 1.0 accessibility + PDF/A-4",
        pdf2.path("validation").path("checks").get(0).asText());
    assertTrue(pdf2.path("validation").path("compliant").asBoolean());

    String ua2File = folder.resolve("standard.en-GB.ua2.pdf").toString();
    Cli valid = Cli.run("validate", "--standard", "ua2", ua2File);
    assertEquals(0, valid.code(), valid.printed());
    assertTrue(valid.out().contains("PDF/UA-2 + WTPDF 1.0 accessibility + PDF/A-4"), valid.out());
    Cli asUa1 = Cli.run("validate", ua2File);
    assertEquals(1, asUa1.code(), "a PDF 2.0 file is no PDF/A-2 file: " + asUa1.printed());

    String index = Files.readString(output.resolve("index.html"));
    assertTrue(index.contains("href=\"standard/en-GB/standard.en-GB.ua2.pdf\""), index);
    assertTrue(index.contains("href=\"standard/en-GB/standard.en-GB.pdf\""), index);
    assertTrue(index.contains("<td>PDF/UA-2 + WTPDF 1.0 accessibility + PDF/A-4</td>"), index);
    assertTrue(index.contains("<td>PDF/UA-1 + PDF/A-2a</td>"), index);
  }

  private static String header(Path pdf) throws Exception {
    return new String(Arrays.copyOf(Files.readAllBytes(pdf), 8), StandardCharsets.ISO_8859_1);
  }

  private static Cli render(Path output, String... more) {
    String[] base = {
      "render",
      "-v",
      "standard",
      "-l",
      "en-GB",
      "--project",
      Fixtures.PROJECT.toString(),
      "--output",
      output.toString()
    };
    String[] args = Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return Cli.run(args);
  }
}
