package org.noticepublisher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.pipeline.Pipeline;
import org.noticepublisher.pipeline.Publication;
import org.noticepublisher.verify.PdfValidator;

/** The real project's sources and notices, produced once per test run and shared by the tests. */
public final class Fixtures {
  /** Tests run with the project folder as working directory (Maven's default). */
  public static final Path PROJECT = Path.of("").toAbsolutePath();

  /** veraPDF's WCAG 2.2 machine profile, shipped with the tests (licence beside it). */
  public static final Path WCAG_PROFILE =
      PROJECT.resolve("src/test/resources/verapdf-profiles/WCAG-2-2-Machine.xml");

  private static Pipeline pipeline;
  private static PdfValidator wcag;
  private static final Map<String, Publication> PRODUCED = new HashMap<>();

  private Fixtures() {}

  public static synchronized Pipeline pipeline() {
    if (pipeline == null) {
      try {
        pipeline = Pipeline.open(PROJECT);
      } catch (FindingsException e) {
        throw new AssertionError("the project's own sources must open: " + e.getMessage(), e);
      }
    }
    return pipeline;
  }

  /** A validator for the WCAG 2.2 machine profile, loaded once. */
  public static synchronized PdfValidator wcag() {
    if (wcag == null) {
      try {
        wcag = PdfValidator.fromProfile(WCAG_PROFILE);
      } catch (FindingsException e) {
        throw new AssertionError("the shipped WCAG 2.2 profile must load: " + e.getMessage(), e);
      }
    }
    return wcag;
  }

  /** A notice of the real project, produced once. */
  public static synchronized Publication produced(NoticeId id, Layout layout) {
    return PRODUCED.computeIfAbsent(id + " " + layout, k -> pipeline().produce(id, layout));
  }

  public static Publication produced(String variant, String locale) {
    return produced(new NoticeId(variant, locale), Layout.DEFAULT);
  }

  /** A copy of the project's sources (locales/, templates/) that a test may break. */
  public static Path copyOfProject(Path into) {
    try {
      for (String dir : new String[] {"locales", "templates"}) {
        Path from = PROJECT.resolve(dir);
        try (Stream<Path> files = Files.walk(from)) {
          for (Path f : files.toList()) {
            Path to = into.resolve(dir).resolve(from.relativize(f).toString());
            if (Files.isDirectory(f)) {
              Files.createDirectories(to);
            } else {
              Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      }
      return into;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Replaces {@code from} by {@code to} in a file of a copied project; fails if it is not there.
   */
  public static void edit(Path file, String from, String to) {
    try {
      String text = Files.readString(file);
      if (!text.contains(from)) {
        throw new AssertionError(file + " does not contain: " + from);
      }
      Files.writeString(file, text.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
