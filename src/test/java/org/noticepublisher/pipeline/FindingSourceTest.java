package org.noticepublisher.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticepublisher.Finding;
import org.noticepublisher.Fixtures;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;

/**
 * A notice that fails in render or verify is reported with findings a user can act on: each names a
 * file, either the source the problem comes from or the notice's PDF or HTML twin by the path it
 * would have had in the output folder; never a bare notice id such as {@code standard/en-GB}.
 */
class FindingSourceTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case | file edited | text replaced | by | notice | standard | code | where it is reported
        "verify: section moved by CSS | templates/notice.css | /* Base style | #retention { position: absolute; top: 0; left: 0; } /* Base style | standard/en-GB | ua1 | order.moved | standard/en-GB/standard.en-GB.pdf",
        "render: glyph in a template | templates/notice.html | <main> | <main><p>\uD800\uDF30</p> | standard/pl | ua1 | glyph | standard/pl/standard.pl.pdf",
        "render: link inside a PDF/UA-2 notice | templates/notice.html | <main> | <main><p><a href=\"#retention\">Keeping data</a></p> | standard/en-GB | ua2 | standard.ua2.internal-link | standard/en-GB/standard.en-GB.ua2.pdf",
        "assemble: text outside a bundle | templates/notice.html | <main> | <main><p>Written into the template</p> | standard/en-XA | ua1 | pseudo.untranslated | standard/en-XA/standard.en-XA.html"
      })
  void everyFindingOfAFailedNoticeNamesAFile(
      String name,
      String file,
      String from,
      String to,
      String notice,
      String standard,
      String code,
      String where)
      throws Exception {
    Path project = Fixtures.copyOfProject(tmp.resolve("project"));
    Fixtures.edit(project.resolve(file), from, to);
    String[] v = notice.split("/");
    NoticeId id = new NoticeId(v[0], v[1]);
    Layout layout = Layout.DEFAULT.withStandard(Layout.Standard.parse(standard));

    Publication p = Pipeline.open(project).produce(id, layout);

    assertFalse(p.publishable(), () -> name + " was published: " + p.findings());
    Finding expected =
        p.findings().stream()
            .filter(f -> f.code().equals(code))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + code + " finding: " + p.findings()));
    assertTrue(
        expected.toString().startsWith(where + ": error [" + code + "] "), expected::toString);
    List<String> files = List.of(layout.pdfFile(id), layout.htmlFile(id));
    for (Finding f : p.findings()) {
      boolean opens =
          files.contains(f.source()) || Files.isRegularFile(project.resolve(f.source()));
      assertTrue(opens, () -> "names no file of the project or the output folder: " + f);
    }
  }
}
