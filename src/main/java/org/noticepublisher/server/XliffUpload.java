package org.noticepublisher.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.noticepublisher.Finding;
import org.noticepublisher.pipeline.Pipeline;
import org.noticepublisher.xliff.XliffImport;

/**
 * A translator's XLIFF 2.0 file uploaded to the workspace: read and checked exactly as {@code xliff
 * import} does, then turned into the bundle text it would write, which is checked, previewed and
 * saved like an uploaded bundle, and the save records the basis of the finished units as the import
 * does. Nothing is written while checking.
 */
final class XliffUpload {
  private XliffUpload() {}

  /** An XML document whose root is {@code <xliff>}, rather than a {@code .properties} bundle. */
  static boolean looksLikeXliff(byte[] bytes) {
    String head =
        new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.UTF_8).stripLeading();
    return head.startsWith("<?xml") || head.startsWith("<xliff");
  }

  static BundleCheck.Result check(
      Pipeline pipeline, Path project, String locale, byte[] bytes, int maxBytes) {
    String name = "upload.xlf";
    if (bytes.length > maxBytes) {
      return new BundleCheck.Result(
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
                  .withFix("export one locale per file")),
          List.of());
    }
    Path temp = null;
    try {
      temp = Files.createTempFile("np-upload-", ".xlf");
      Files.write(temp, bytes);
      XliffImport.Plan plan = XliffImport.read(pipeline.catalog(), temp);
      List<Finding> problems = new ArrayList<>();
      String tempName = temp.toString();
      plan.problems()
          .forEach(f -> problems.add(f.source().equals(tempName) ? f.at(name, f.line()) : f));
      if (!plan.clean()) {
        return new BundleCheck.Result("", problems, List.of());
      }
      if (!plan.locale().equals(locale)) {
        return new BundleCheck.Result(
            "",
            List.of(
                Finding.error(
                        "trgLang",
                        "the file is for " + plan.locale() + ", this workspace for " + locale)
                    .at(name, 2)
                    .withFix("upload it in the " + plan.locale() + " workspace")),
            List.of());
      }
      BundleCheck.Result bundle =
          BundleCheck.check(
              pipeline, project, locale, XliffImport.bundleText(pipeline.catalog(), plan));
      List<Finding> all = new ArrayList<>(problems);
      all.addAll(bundle.findings());
      return new BundleCheck.Result(
          bundle.text(),
          all,
          bundle.previews(),
          XliffImport.basisToRecord(pipeline.catalog(), plan));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // A temporary file left behind holds only what the translator uploaded.
        }
      }
    }
  }
}
