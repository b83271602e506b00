package org.noticepublisher.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.noticepublisher.NoticeId;
import org.noticepublisher.Publication;
import org.noticepublisher.Sha256;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.assemble.Notice;

/**
 * Writes verified notices under the output folder: {@code <variant>/<locale>/<variant>.<locale>.pdf}
 * and its HTML twin beside it, each through a temporary file and an atomic move, so a reader never
 * sees half a file and a failed run leaves the previous files as they were. {@code manifest.json}
 * lists every published file with its hash, size, pages, review status and validation result, and
 * {@code index.html} shows the same to people.
 */
public final class Publisher {
  public static final String MANIFEST = "manifest.json";
  public static final String INDEX = "index.html";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path output;

  public Publisher(Path output) {
    this.output = Objects.requireNonNull(output, "output");
  }

  public Path output() {
    return output;
  }

  /** Where a notice's PDF goes; layouts other than A4 get their own name. */
  public Path pdfPath(NoticeId id, Layout layout) {
    return folder(id).resolve(stem(id, layout) + ".pdf");
  }

  public Path htmlPath(NoticeId id, Layout layout) {
    return folder(id).resolve(stem(id, layout) + ".html");
  }

  private Path folder(NoticeId id) {
    return output.resolve(id.variant()).resolve(id.locale());
  }

  private static String stem(NoticeId id, Layout layout) {
    return layout.equals(Layout.DEFAULT) ? id.fileStem() : id.fileStem() + "." + layout.label();
  }

  /**
   * Publishes a verified notice.
   *
   * @throws IllegalArgumentException if the publication did not pass verification
   */
  public void publish(Publication p) throws IOException {
    if (!p.publishable()) {
      throw new IllegalArgumentException("publication did not pass verification: " + p.id());
    }
    writeAtomically(pdfPath(p.id(), p.layout()), p.pdf().orElseThrow().bytes());
    writeAtomically(htmlPath(p.id(), p.layout()),
        p.notice().orElseThrow().html().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Rewrites the manifest: entries for {@code published} replace any earlier entry for the same file;
   * entries of files published earlier and still present are kept.
   */
  public void writeManifest(List<Publication> published) throws IOException {
    Map<String, JsonNode> entries = new TreeMap<>();
    Path manifest = output.resolve(MANIFEST);
    if (Files.isRegularFile(manifest)) {
      try {
        for (JsonNode e : JSON.readTree(manifest.toFile()).path("files")) {
          if (Files.isRegularFile(output.resolve(e.path("path").asText()))) {
            entries.put(e.path("path").asText(), e);
          }
        }
      } catch (IOException e) {
        // An unreadable manifest is rebuilt from this run rather than blocking publication.
      }
    }
    for (Publication p : published) {
      ObjectNode pdf = entry(p, pdfPath(p.id(), p.layout()), "application/pdf");
      pdf.put("pages", p.pdf().orElseThrow().pages());
      ObjectNode validation = pdf.putObject("validation");
      validation.put("compliant", p.verdict().passed());
      ArrayNode checks = validation.putArray("checks");
      p.verdict().checks().forEach(checks::add);
      validation.put("warnings", p.findings().size() - p.verdict().errors().size());
      entries.put(pdf.get("path").asText(), pdf);
      ObjectNode html = entry(p, htmlPath(p.id(), p.layout()), "text/html");
      entries.put(html.get("path").asText(), html);
    }
    ObjectNode root = JSON.createObjectNode();
    ArrayNode files = root.putArray("files");
    entries.values().forEach(files::add);
    writeAtomically(manifest, JSON.writeValueAsBytes(root));
    writeAtomically(output.resolve(INDEX),
        PublishedIndex.html(entries.values()).getBytes(StandardCharsets.UTF_8));
  }

  private ObjectNode entry(Publication p, Path file, String type) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ObjectNode e = JSON.createObjectNode();
    e.put("path", output.relativize(file).toString().replace('\\', '/'));
    e.put("type", type);
    e.put("variant", p.id().variant());
    e.put("locale", p.id().locale());
    e.put("layout", p.layout().label());
    Notice notice = p.notice().orElseThrow();
    e.put("title", notice.title());
    e.put("lang", notice.lang());
    e.put("dir", notice.rightToLeft() ? "rtl" : "ltr");
    e.put("review", notice.draft() ? "draft" : "reviewed");
    ObjectNode fallbacks = e.putObject("fallbacks");
    new TreeMap<>(notice.fallbacks()).forEach(fallbacks::put);
    e.put("sources", p.sources().hex());
    e.put("sha256", Sha256.hex(bytes));
    e.put("bytes", bytes.length);
    return e;
  }

  /** Temp file in the same folder, then an atomic rename: the old file stays until the new is whole. */
  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

}
