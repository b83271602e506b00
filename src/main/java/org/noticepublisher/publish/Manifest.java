package org.noticepublisher.publish;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.Json;
import org.noticepublisher.Sha256;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.assemble.Notice;
import org.noticepublisher.pipeline.Publication;

/**
 * {@code manifest.json}: every published file with what a web server, a script or a person needs to
 * know of it. Written by {@link Json} in the order the records declare their fields, so the same
 * publications are always the same bytes; read back strictly, since what it lists is what the next
 * session vouches for.
 *
 * @param files one entry per published file, by path
 */
public record Manifest(@JsonProperty(required = true) List<Entry> files) {
  static final String PDF = "application/pdf";
  static final String HTML = "text/html";

  public Manifest {
    files = List.copyOf(files);
  }

  /**
   * One published file. Fields a manifest from an older version lacks are read as what that version
   * meant: no fallbacks, left to right, a PDF/UA-1 file.
   *
   * @param path where the file is, relative to the output folder
   * @param type its media type
   * @param sources the hash of everything the notice was made from
   * @param sha256 the hash of the file's bytes, checked when a session opens
   * @param bytes the file's size
   * @param pages PDF only
   * @param standard PDF only: {@link Layout.Standard#id()}
   * @param validation PDF only: what verified it
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Entry(
      @JsonProperty(required = true) String path,
      String type,
      String variant,
      String locale,
      String layout,
      String title,
      String lang,
      String dir,
      String review,
      Map<String, String> fallbacks,
      Fallback fallback,
      String translation,
      List<String> stale,
      String sources,
      @JsonProperty(required = true) String sha256,
      @JsonProperty(required = true) long bytes,
      @Nullable Integer pages,
      @Nullable String standard,
      @Nullable Validation validation) {

    public Entry {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(sha256, "sha256");
      type = Objects.requireNonNullElse(type, "");
      variant = Objects.requireNonNullElse(variant, "");
      locale = Objects.requireNonNullElse(locale, "");
      layout = Objects.requireNonNullElse(layout, "");
      title = Objects.requireNonNullElse(title, "");
      lang = Objects.requireNonNullElse(lang, "");
      dir = Objects.requireNonNullElse(dir, "ltr");
      review = Objects.requireNonNullElse(review, "");
      fallbacks =
          Collections.unmodifiableSortedMap(
              new TreeMap<>(Objects.requireNonNullElse(fallbacks, Map.of())));
      fallback = Objects.requireNonNullElse(fallback, new Fallback(fallbacks.size(), 0));
      translation = Objects.requireNonNullElse(translation, "current");
      stale = List.copyOf(Objects.requireNonNullElse(stale, List.of()));
      sources = Objects.requireNonNullElse(sources, "");
      if (standard == null && type.equals(PDF)) {
        standard = Layout.Standard.UA1.id(); // manifests from before the choice of standard
      }
    }

    /** The entry of {@code p}'s HTML twin. */
    static Entry html(Publication p, String path, byte[] bytes) {
      return of(p, path, HTML, bytes, null, null, null);
    }

    /** The entry of {@code p}'s PDF: pages, standard and validation besides. */
    static Entry pdf(Publication p, String path, byte[] bytes) {
      return of(
          p,
          path,
          PDF,
          bytes,
          p.pdf().orElseThrow().pages(),
          p.layout().standard().id(),
          new Validation(
              p.verdict().passed(),
              p.verdict().checks(),
              p.findings().size() - p.verdict().errors().size()));
    }

    private static Entry of(
        Publication p,
        String path,
        String type,
        byte[] bytes,
        @Nullable Integer pages,
        @Nullable String standard,
        @Nullable Validation validation) {
      Notice notice = p.notice().orElseThrow();
      return new Entry(
          path,
          type,
          p.id().variant(),
          p.id().locale(),
          p.layout().label(),
          notice.title(),
          notice.lang(),
          notice.rightToLeft() ? "rtl" : "ltr",
          notice.draft() ? "draft" : "reviewed",
          notice.fallbacks(),
          // Rounded, so the manifest stays the same bytes for the same sources.
          new Fallback(
              notice.fallback().messages(),
              Math.round(notice.fallback().share() * 10_000) / 10_000.0),
          // "stale": some translations were made from English that has changed since.
          notice.stale().isEmpty() ? "current" : "stale",
          List.copyOf(notice.stale()),
          p.sources().hex(),
          Sha256.hex(bytes),
          bytes.length,
          pages,
          standard,
          validation);
    }

    /** Whether this is a PDF (else the HTML twin). */
    boolean describesPdf() {
      return type.equals(PDF);
    }

    /**
     * The notice and paper this file is of, {@code variant/locale/layout}: PDF and twin share it.
     */
    String notice() {
      return variant + "/" + locale + "/" + layout;
    }
  }

  /**
   * Untranslated text of a notice.
   *
   * @param messages messages shown from another locale's bundle
   * @param share their share of the characters of all messages shown, 0 to 1, rounded
   */
  public record Fallback(int messages, double share) {}

  /**
   * How a PDF was verified.
   *
   * @param compliant whether every check passed
   * @param checks the checks it passed, by name
   * @param warnings findings that did not stop publication
   */
  public record Validation(boolean compliant, List<String> checks, int warnings) {
    public Validation {
      checks = List.copyOf(Objects.requireNonNullElse(checks, List.of()));
    }
  }

  /** The manifest as written: pretty-printed UTF-8. */
  byte[] bytes() {
    return Json.write(this);
  }

  /**
   * Reads the manifest of {@code output}, refused whole when any of it cannot be used: what it
   * listed cannot be known, and guessing would publish or drop files no one checked.
   *
   * @throws FindingsException naming the line where it can, and how to repair it
   */
  public static Manifest read(byte[] json, Path output) throws FindingsException {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(output, "output");
    String shown = output.resolve(Publisher.MANIFEST).toString();
    String fix =
        "restore "
            + Publisher.MANIFEST
            + " from a backup, or move "
            + output
            + " aside and"
            + " render every notice again; nothing in "
            + output
            + " was changed";
    Manifest manifest;
    try {
      manifest = Json.read(json, Manifest.class);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      String what =
          syntax(e)
              ? "the manifest is not valid JSON (" + e.getOriginalMessage() + ")"
              : "the manifest is not in the form this version writes ("
                  + e.getOriginalMessage()
                  + ")";
      throw new FindingsException(
          Finding.error("manifest-unreadable", what + ", so what was published cannot be known")
              .at(shown, line)
              .withFix(fix));
    }
    if (manifest == null) {
      throw new FindingsException(
          Finding.error(
                  "manifest-unreadable",
                  "the manifest is empty, so what was published cannot be known")
              .at(shown, 0)
              .withFix(fix));
    }
    Set<String> paths = new HashSet<>();
    for (Entry e : manifest.files()) {
      if (!safeRelative(e.path()) || !paths.add(e.path())) {
        throw new FindingsException(
            Finding.error(
                    "manifest-unreadable",
                    "the manifest lists a path outside the output folder, or one path twice: "
                        + e.path())
                .at(shown, 0)
                .withFix(fix));
      }
    }
    return manifest;
  }

  /** Whether the text is not JSON at all; binding wraps the parser's error when it meets it. */
  private static boolean syntax(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonParseException) {
        return true;
      }
    }
    return false;
  }

  private static boolean safeRelative(String path) {
    if (path.isEmpty()
        || path.startsWith("/")
        || path.contains("\\")
        || path.equals(Publisher.MANIFEST)
        || path.equals(Publisher.INDEX)) {
      return false;
    }
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        return false;
      }
    }
    return true;
  }
}
