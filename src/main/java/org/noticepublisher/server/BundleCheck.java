package org.noticepublisher.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.noticepublisher.FileTree;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.assemble.Notice;
import org.noticepublisher.assemble.NoticeAssembler;
import org.noticepublisher.catalog.Bundle;
import org.noticepublisher.catalog.BundleLint;
import org.noticepublisher.catalog.Catalog;
import org.noticepublisher.catalog.PropertiesFile;
import org.noticepublisher.pipeline.Pipeline;

/**
 * Checks an uploaded bundle without writing anything to the project: the text is decoded as strict
 * UTF-8, parsed and linted beside copies of the other bundles in a temporary folder, and every
 * variant is assembled from it for a preview. Uploaded text is data: its file name is ignored (the
 * locale comes from the page), bundle text is escaped by the assembler and never evaluated as a
 * template.
 */
final class BundleCheck {
  private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[A-Za-z!?]");

  /**
   * What a check found.
   *
   * @param text the uploaded text (empty when it was not UTF-8)
   * @param findings every problem, with lines in the uploaded file
   * @param previews each variant assembled from the uploaded text
   * @param accepted keys the translator finished (an XLIFF upload's units not left "initial"),
   *     whose basis a save records as {@code xliff import} does; empty for a bundle
   */
  record Result(String text, List<Finding> findings, List<Preview> previews, Set<String> accepted) {
    Result {
      accepted = Set.copyOf(accepted);
    }

    Result(String text, List<Finding> findings, List<Preview> previews) {
      this(text, findings, previews, Set.of());
    }

    boolean saveable() {
      return findings.stream().noneMatch(Finding::isError);
    }
  }

  /**
   * One variant in the uploaded wording.
   *
   * @param variant the variant id
   * @param title the notice's title in the uploaded text
   * @param html the assembled HTML notice
   */
  record Preview(String variant, String title, String html) {}

  private BundleCheck() {}

  /** Decodes and checks {@code bytes} as the bundle of {@code locale}. */
  static Result check(Pipeline pipeline, Path project, String locale, byte[] bytes, int maxBytes) {
    String name = "locales/" + locale + ".properties";
    if (bytes.length > maxBytes) {
      return new Result(
          "",
          List.of(
              Finding.error(
                      "upload",
                      "the file has "
                          + bytes.length
                          + " bytes; at most "
                          + maxBytes
                          + " are accepted")
                  .at(name, 0)
                  .withFix("upload only the bundle (a .properties file)")),
          List.of());
    }
    String text;
    try {
      text = PropertiesFile.utf8(bytes, name);
    } catch (FindingsException e) {
      return new Result("", e.findings(), List.of());
    }
    return check(pipeline, project, locale, text);
  }

  static Result check(Pipeline pipeline, Path project, String locale, String text) {
    String name = "locales/" + locale + ".properties";
    Path temp = null;
    try {
      temp = Files.createTempDirectory("np-upload-");
      Path locales = Files.createDirectories(temp.resolve("locales"));
      for (String other : pipeline.catalog().locales()) {
        Bundle b = pipeline.catalog().bundle(other).orElseThrow();
        if (!b.generated() && !other.equals(locale)) {
          Files.copy(b.file(), locales.resolve(other + ".properties"));
        }
      }
      Path uploaded = locales.resolve(locale + ".properties");
      Files.writeString(uploaded, text, StandardCharsets.UTF_8);
      String tempName = uploaded.toString();
      List<Finding> findings = new ArrayList<>();
      Catalog catalog;
      try {
        catalog = Catalog.load(locales);
      } catch (FindingsException e) {
        e.findings().forEach(f -> findings.add(rename(f, tempName, name)));
        return new Result(text, sorted(findings), List.of());
      }
      Bundle bundle = catalog.bundle(locale).orElseThrow();
      BundleLint.content(catalog, bundle).forEach(f -> findings.add(rename(f, tempName, name)));
      for (String key : bundle.keys()) {
        String pattern = bundle.pattern(key).orElseThrow();
        if (MARKUP.matcher(pattern).find()) {
          findings.add(
              Finding.warning(key, "looks like markup; it is shown as text, not formatting")
                  .at(name, bundle.lineOf(key))
                  .withFix("write plain text; layout comes from the templates"));
        }
      }
      List<Preview> previews = new ArrayList<>();
      try {
        NoticeAssembler assembler =
            NoticeAssembler.create(pipeline.assembler().templates(), catalog, pipeline.profile());
        for (String variant : assembler.variants().keySet()) {
          try {
            Notice n = assembler.assemble(new NoticeId(variant, locale), Layout.DEFAULT);
            previews.add(new Preview(variant, n.title(), n.html()));
          } catch (FindingsException e) {
            e.findings().forEach(f -> findings.add(rename(f, tempName, name)));
          }
        }
      } catch (FindingsException e) {
        e.findings().forEach(f -> findings.add(rename(f, tempName, name)));
      }
      return new Result(text, sorted(findings), previews);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      FileTree.deleteQuietly(temp);
    }
  }

  private static Finding rename(Finding f, String tempName, String name) {
    if (f.source().equals(tempName)) {
      return f.at(name, f.line());
    }
    if (f.source().contains("np-upload-")) {
      Path p = Path.of(f.source());
      return f.at("locales/" + p.getFileName(), f.line());
    }
    return f;
  }

  private static List<Finding> sorted(List<Finding> findings) {
    return findings.stream()
        .sorted(Comparator.comparing((Finding f) -> !f.isError()).thenComparingInt(Finding::line))
        .toList();
  }
}
