package org.noticepublisher.xliff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.noticepublisher.Cli;
import org.noticepublisher.Fixtures;
import org.noticepublisher.pipeline.Pipeline;

/** XLIFF 2.0 exchange: valid files, lossless round trips, and a translator's whole flow. */
class XliffTest {
  private static final List<String> TRANSLATED = List.of("ar", "fa", "ko", "pl", "ro", "uk", "ur");

  private static String export(Path project, String locale) throws Exception {
    Pipeline p = Pipeline.open(project);
    return new XliffExport(p.catalog(), p.profile(), Map.of()).export(locale);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ar", "fa", "ko", "pl", "ro", "uk", "ur"})
  void exportValidatesAgainstTheXliff2SchemaAndRoundTripsByteForByte(
      String locale, @TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    String xliff = export(project, locale);
    var schema =
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(
                XLIFFReader.class.getResource("/net/sf/okapi/lib/xliff2/xliff_core_2.0.xsd"));
    schema.newValidator().validate(new StreamSource(new StringReader(xliff)));
    Path file = Files.writeString(dir.resolve(locale + ".xlf"), xliff);
    XLIFFReader.validate(file.toFile());

    Cli r = Cli.run("xliff", "import", "-p", project.toString(), file.toString());
    assertEquals(0, r.code(), r.printed());
    assertTrue(r.out().contains("0 message(s) changed"), r.out());
    for (String name : List.of(locale + ".properties", locale + ".basis.properties")) {
      assertEquals(
          Files.readString(Fixtures.PROJECT.resolve("locales").resolve(name)),
          Files.readString(project.resolve("locales").resolve(name)),
          name + " unchanged");
    }
  }

  @Test
  void pluralsGetOneSegmentPerCategoryOfTheTargetLanguage(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    String ar = unit(export(project, "ar"), "document.readingTime");
    for (String category : List.of("zero", "one", "two", "few", "many", "other")) {
      assertTrue(ar.contains("<segment id=\"b-" + category + "\""), category + " in " + ar);
    }
    assertTrue(ar.contains("b-few: the few form, used for 3, 4, 5, 6, 7, 8, … minutes"), ar);
    String ko = unit(export(project, "ko"), "document.readingTime");
    assertEquals(1, ko.split("<segment ").length - 1, ko);
    String pl = unit(export(project, "pl"), "document.readingTime");
    assertTrue(
        pl.contains(
            "<source xml:space=\"preserve\">About <ph id=\"b-few-n\" disp=\"#\" "
                + "dataRef=\"d1\"/> minutes to read</source>"),
        "English 'other' for Polish few: " + pl);
  }

  @Test
  void notesSayWhereTheKeyIsAndWhatItsArgumentsMean() throws Exception {
    Pipeline p = Fixtures.pipeline();
    Map<String, KeyContext> context =
        SourceContext.of(
            p.catalog(),
            p.profile(),
            p.assembler().variants(),
            v -> Fixtures.produced(v, "en-GB").pdf().orElseThrow().bytes());
    assertEquals("intro", context.get("intro.p.2").section());
    assertEquals(1, context.get("intro.p.2").page().orElseThrow());
    assertTrue(
        context.get("contact.complaint").page().orElseThrow() > 2,
        "the complaint paragraph is near the end: " + context.get("contact.complaint"));
    long withPage = context.values().stream().filter(c -> c.page().isPresent()).count();
    assertTrue(withPage > context.size() * 0.8, withPage + " of " + context.size());
    String unit =
        unit(new XliffExport(p.catalog(), p.profile(), context).export("uk"), "intro.p.2");
    assertTrue(
        unit.contains(
            "<note category=\"location\">Section intro; variants: standard; "
                + "page 1 of the English A4 PDF</note>"),
        unit);
    assertTrue(
        unit.contains("{icoRegistration}: the organisation's ICO registration number"), unit);
    assertTrue(
        unit.contains(
            "<ph id=\"s1-organisation\" canDelete=\"no\" "
                + "disp=\"{organisation}\" dataRef=\"d1\"/>"),
        unit);
  }

  @Test
  void contextPicturesShowTheLinesOfTheEnglishPage(@TempDir Path dir) throws Exception {
    Pipeline p = Fixtures.pipeline();
    Path pictures = dir.resolve("context");
    Map<String, KeyContext> context =
        SourceContext.of(
            p.catalog(),
            p.profile(),
            p.assembler().variants(),
            v -> Fixtures.produced(v, "en-GB").pdf().orElseThrow().bytes(),
            pictures);
    assertEquals(
        "context/contact.complaint.png", context.get("contact.complaint").image().orElseThrow());
    var png = javax.imageio.ImageIO.read(pictures.resolve("contact.complaint.png").toFile());
    assertEquals(793, png.getWidth(), "the A4 page’s width (595 pt) at 96 dpi");
    assertTrue(
        png.getHeight() > 40 && png.getHeight() < 160,
        "three lines of text and a margin: " + png.getHeight());
    String unit =
        unit(new XliffExport(p.catalog(), p.profile(), context).export("pl"), "contact.complaint");
    assertTrue(
        unit.contains(
            "<note category=\"context\">Picture of where the English sits in "
                + "the A4 PDF: context/contact.complaint.png</note>"),
        unit);
  }

  @Test
  void aTranslatorsFlowExportEditImportRender(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Path out = dir.resolve("xliff");
    Cli export =
        Cli.run(
            "xliff",
            "export",
            "-p",
            project.toString(),
            "-l",
            "pl",
            "-o",
            out.toString(),
            "--no-pages");
    assertEquals(0, export.code(), export.printed());
    Path file = out.resolve("pl.xlf");
    // What a CAT tool does: new words in targets, codes kept, the state set to translated.
    String xliff = Files.readString(file);
    xliff = xliff.replace("Numer rejestracyjny: <ph", "Nr rejestracyjny: <ph");
    xliff =
        xliff.replace(
            "<target xml:space=\"preserve\">Czas czytania: około",
            "<target xml:space=\"preserve\">Szacowany czas czytania: około");
    Files.writeString(file, xliff);
    List<String> before = Files.readAllLines(project.resolve("locales/pl.properties"));

    Cli imported = Cli.run("xliff", "import", "-p", project.toString(), file.toString());
    assertEquals(0, imported.code(), imported.printed());
    // The registration sentence is in intro.p.2 and consultation.intro.p.3.
    assertTrue(imported.out().contains("3 message(s) changed"), imported.out());
    List<String> after = Files.readAllLines(project.resolve("locales/pl.properties"));
    assertEquals(before.size(), after.size(), "comments and order kept");
    List<Integer> changed = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))) {
        changed.add(i);
      }
    }
    assertEquals(3, changed.size(), changed.toString());
    assertTrue(
        after.contains(
            "document.readingTime = Szacowany czas czytania: około {minutes, "
                + "plural, one {# minuty} few {# minut} many {# minut} other {# minuty}}"),
        after.toString());

    Cli render =
        Cli.run(
            "render",
            "-p",
            project.toString(),
            "-o",
            dir.resolve("out").toString(),
            "-v",
            "standard",
            "-l",
            "pl");
    assertEquals(0, render.code(), render.printed());
    try (PDDocument doc = Loader.loadPDF(dir.resolve("out/standard/pl/standard.pl.pdf").toFile())) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertTrue(text.contains("Nr rejestracyjny: ZA045069"), text);
      assertTrue(text.matches("(?s).*Szacowany czas czytania: około \\d+ minut.*"), text);
    }
  }

  @Test
  void aStaleUnitIsMarkedAndAcceptedOnceTranslated(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Fixtures.edit(
        project.resolve("locales/en-GB.properties"),
        "Registration number {icoRegistration}.",
        "Our registration number is {icoRegistration}.");
    String unit = unit(export(project, "pl"), "intro.p.2");
    assertFalse(unit.contains("state="), "initial, XLIFF's default: " + unit);
    assertTrue(
        unit.contains(
            "<note category=\"stale\">The English changed since this was " + "translated: "),
        unit);
    Path file =
        Files.writeString(
            dir.resolve("pl.xlf"),
            export(project, "pl")
                .replace("Numer rejestracyjny: <ph", "Nasz numer rejestracyjny to <ph")
                .replaceFirst(
                    "(<unit id=\"intro.p.2\"(?s:.*?))<segment id=\"s1\"",
                    "$1<segment id=\"s1\" state=\"translated\""));
    Cli imported = Cli.run("xliff", "import", "-p", project.toString(), file.toString());
    assertEquals(0, imported.code(), imported.printed());
    Cli lint = Cli.run("lint", "-p", project.toString());
    assertFalse(
        lint.out().matches("(?s).*pl\\.properties:\\d+: warning \\[intro\\.p\\.2\\] stale.*"),
        lint.out());
    assertTrue(
        lint.out().matches("(?s).*uk\\.properties:\\d+: warning \\[intro\\.p\\.2\\] stale.*"),
        lint.out());
  }

  @Test
  void aFileWithAnyErrorChangesNothingAndListsEveryProblem(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    String xliff = export(project, "pl");
    xliff =
        xliff.replaceFirst(
            "<target xml:space=\"preserve\">Czas czytania: około <ph id=\"b-few-n\"[^>]*/> minut"
                + "</target>",
            "");
    xliff = xliff.replace("Numer rejestracyjny: <ph", "Numer  rejestracyjny 2019: <ph");
    xliff = xliff.replace("Strona <ph id=\"s1-page\"", "Strona <ph id=\"s1-pagee\"");
    Path file = Files.writeString(dir.resolve("pl.xlf"), xliff);
    Cli r = Cli.run("xliff", "import", "-p", project.toString(), file.toString());
    assertEquals(1, r.code(), r.printed());
    assertTrue(r.err().contains("Nothing was changed"), r.err());
    for (String name : List.of("pl.properties", "pl.basis.properties")) {
      assertEquals(
          Files.readString(Fixtures.PROJECT.resolve("locales").resolve(name)),
          Files.readString(project.resolve("locales").resolve(name)),
          name);
    }
  }

  @Test
  void everyProblemOfTheIncomingTextIsListedAtItsUnit(@TempDir Path dir) throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    String xliff =
        export(project, "pl")
            .replaceFirst(
                "<target xml:space=\"preserve\">Czas czytania: około <ph id=\"b-few-n\"[^>]*/> minut</target>",
                "")
            .replace("Numer rejestracyjny: <ph", "Numer rejestracyjny {: <ph")
            .replace(
                "<target xml:space=\"preserve\">Strona <ph",
                "<target xml:space=\"preserve\">Strona  <ph");
    Path file = Files.writeString(dir.resolve("pl.xlf"), xliff);
    Cli r = Cli.run("xliff", "import", "-p", project.toString(), file.toString());
    assertEquals(1, r.code(), r.printed());
    assertTrue(
        r.err().contains("[document.readingTime] the few form (segment b-few) is empty"), r.err());
    assertTrue(r.err().contains("error [intro.p.2] not a valid ICU message"), r.err());
    assertTrue(r.err().contains("error [consultation.intro.p.3] not a valid ICU message"), r.err());
    assertTrue(r.err().contains("warning [document.page] double space"), r.err());
    assertTrue(
        r.err().matches("(?s).*pl\\.xlf:\\d+: error \\[document\\.readingTime\\].*"),
        "at the unit's line: " + r.err());
    assertEquals(
        Files.readString(Fixtures.PROJECT.resolve("locales/pl.properties")),
        Files.readString(project.resolve("locales/pl.properties")));
  }

  @Test
  void importAndAcceptWaitForTheSourcesLockTheServiceSavesUnder(@TempDir Path dir)
      throws Exception {
    Path project = Fixtures.copyOfProject(dir.resolve("project"));
    Path file =
        Files.writeString(
            dir.resolve("pl.xlf"),
            export(project, "pl").replace("Numer rejestracyjny: <ph", "Nr rejestracyjny: <ph"));
    Map<String, String> before = new java.util.HashMap<>();
    for (String name : List.of("pl.properties", "pl.basis.properties")) {
      before.put(name, Files.readString(project.resolve("locales").resolve(name)));
    }
    // What the web service holds while it saves a translator's bundle.
    try (var saving =
        org.noticepublisher.publish.SourcesLock.acquire(
            project,
            "notice service: save of locales/pl.properties by tomasz",
            java.time.Duration.ZERO,
            message -> {})) {
      Cli imported =
          Cli.run("xliff", "import", "-p", project.toString(), "--wait", "0", file.toString());
      assertEquals(1, imported.code(), imported.printed());
      assertTrue(
          imported
              .err()
              .contains(
                  "Nothing was changed. The project's sources are in use"
                      + " by the notice service: save of locales/pl.properties by tomasz"),
          imported.err());
      // Another process: the operating system's lock on the file, not only this JVM's semaphore.
      Process other =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  System.getProperty("java.class.path"),
                  org.noticepublisher.cli.Main.class.getName(),
                  "lint",
                  "-p",
                  project.toString(),
                  "--wait",
                  "0",
                  "-l",
                  "pl",
                  "--accept-all")
              .redirectErrorStream(true)
              .start();
      String printed =
          new String(
              other.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(1, other.waitFor(), printed);
      assertTrue(
          printed.contains("in use by the notice service: save of locales/pl.properties"), printed);
      for (String name : before.keySet()) {
        assertEquals(
            before.get(name),
            Files.readString(project.resolve("locales").resolve(name)),
            name + " unchanged while the service held the sources");
      }
    }
    Cli imported =
        Cli.run("xliff", "import", "-p", project.toString(), "--wait", "0", file.toString());
    assertEquals(0, imported.code(), imported.printed());
    assertTrue(
        Files.readString(project.resolve("locales/pl.properties")).contains("Nr rejestracyjny"));
  }

  private static String unit(String xliff, String key) {
    int from = xliff.indexOf("<unit id=\"" + key + "\"");
    return xliff.substring(from, xliff.indexOf("</unit>", from));
  }
}
