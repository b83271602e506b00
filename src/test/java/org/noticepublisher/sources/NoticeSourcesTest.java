package org.noticepublisher.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.noticepublisher.Cli;
import org.noticepublisher.Fixtures;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;

/** Which notices a change to one source file reaches: exactly those that read it. */
class NoticeSourcesTest {
  private static final List<String> VARIANTS =
      List.of("standard", "children-and-young-people", "consultation");
  private static final List<String> LOCALES = List.of("en-GB", "pl", "ar", "en-XA", "ar-XB");

  @TempDir Path project;

  static Stream<Arguments> edits() {
    return Stream.of(
        // file changed, text replaced, notices expected to change ("variant/locale", * = any)
        Arguments.of("locales/pl.properties", "\n", "\n# a translator's note\n", List.of("*/pl")),
        Arguments.of("locales/ar.properties", "\n", "\n# note\n", List.of("*/ar")),
        Arguments.of("locales/en-GB.properties", "\n", "\n# note\n", List.of("*/*")),
        Arguments.of("templates/notice.css", "}", "}\n/* note */", List.of("*/*")),
        Arguments.of("templates/organisation.properties", "\n", "\n# note\n", List.of("*/*")),
        Arguments.of("templates/sections/other-notices.html", ">", ">\n", List.of("standard/*")),
        Arguments.of(
            "templates/icons/rights.svg", ">", ">\n", List.of("children-and-young-people/*")),
        Arguments.of(
            "templates/variants/consultation.properties",
            "\n",
            "\n# note\n",
            List.of("consultation/*")));
  }

  @ParameterizedTest(name = "{0} changes {3}")
  @MethodSource("edits")
  void aChangeReachesExactlyTheNoticesThatReadIt(
      String file, String from, String to, List<String> expected) throws IOException {
    Fixtures.copyOfProject(project);
    Map<String, SourceHash> before = hashes(NoticeSources.scan(project));
    Path changed = project.resolve(file);
    String text = Files.readString(changed);
    Files.writeString(
        changed,
        text.replaceFirst(
            java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    Map<String, SourceHash> after = hashes(NoticeSources.scan(project));

    List<String> changedNotices =
        before.keySet().stream().filter(id -> !before.get(id).equals(after.get(id))).toList();
    List<String> wanted =
        before.keySet().stream()
            .filter(id -> expected.stream().anyMatch(pattern -> matches(pattern, id)))
            .toList();
    assertEquals(wanted, changedNotices, "notices whose hash changed after editing " + file);
  }

  @Test
  void sameSourcesGiveTheSameHashAndLayoutsDiffer() {
    Fixtures.copyOfProject(project);
    NoticeId id = new NoticeId("standard", "pl");
    SourceHash a4 = NoticeSources.scan(project).hash(id, Layout.DEFAULT);
    assertEquals(a4, NoticeSources.scan(project).hash(id, Layout.DEFAULT));
    assertNotEquals(
        a4, NoticeSources.scan(project).hash(id, new Layout(Layout.PageSize.A5, false)));
    assertNotEquals(a4, NoticeSources.scan(project).hash(id, new Layout(Layout.PageSize.A4, true)));
  }

  @Test
  void aRegionalLocaleReadsItsLanguageAndTheSource() throws IOException {
    Fixtures.copyOfProject(project);
    Files.writeString(project.resolve("locales/pl-PL.properties"), "bundle.status = draft\n");
    List<String> files = NoticeSources.scan(project).files(new NoticeId("consultation", "pl-PL"));
    // pl's basis says which translations are stale, which the notice marks.
    assertEquals(
        List.of(
            "locales/pl-PL.properties",
            "locales/pl.properties",
            "locales/pl.basis.properties",
            "locales/en-GB.properties",
            "templates/variants/consultation.properties"),
        files.subList(0, 5));
    assertTrue(files.contains("templates/notice.html"), files.toString());
    assertTrue(
        files.stream().noneMatch(f -> f.startsWith("templates/icons/")),
        "consultation shows no pictures: " + files);
  }

  @Test
  void theHashDoesNotDependOnWhereTheProjectLives(@TempDir Path elsewhere) {
    Fixtures.copyOfProject(project);
    Fixtures.copyOfProject(elsewhere);
    NoticeId id = new NoticeId("children-and-young-people", "ar");
    assertEquals(
        NoticeSources.scan(project).hash(id, Layout.DEFAULT),
        NoticeSources.scan(elsewhere).hash(id, Layout.DEFAULT));
  }

  @Test
  void theManifestRecordsWhatEachFileWasMadeFrom() throws IOException {
    Fixtures.copyOfProject(project);
    Path output = project.resolve("output");
    Cli r =
        Cli.run(
            "render",
            "-v",
            "consultation",
            "-l",
            "ro",
            "-p",
            project.toString(),
            "-o",
            output.toString());
    assertEquals(0, r.code(), r.printed());
    JsonNode files =
        new ObjectMapper().readTree(output.resolve("manifest.json").toFile()).path("files");
    String expected =
        NoticeSources.scan(project).hash(new NoticeId("consultation", "ro"), Layout.DEFAULT).hex();
    assertEquals(2, files.size(), files.toString());
    for (JsonNode file : files) {
      assertEquals(expected, file.path("sources").asText(), file.toString());
    }
  }

  private static boolean matches(String pattern, String id) {
    String[] p = pattern.split("/");
    String[] i = id.split("/");
    return (p[0].equals("*") || p[0].equals(i[0])) && (p[1].equals("*") || p[1].equals(i[1]));
  }

  private static Map<String, SourceHash> hashes(NoticeSources sources) {
    Map<String, SourceHash> hashes = new TreeMap<>();
    for (String v : VARIANTS) {
      for (String l : LOCALES) {
        NoticeId id = new NoticeId(v, l);
        hashes.put(id.toString(), sources.hash(id, Layout.DEFAULT));
      }
    }
    return hashes;
  }
}
