package org.noticepublisher.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.noticepublisher.FileTree;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.NoticeId;
import org.noticepublisher.Sha256;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.pipeline.Publication;
import org.noticepublisher.sources.SourceHash;

/**
 * A publishing session on an output folder: the only way anything is written there. Opening it
 * takes the folder's lock (a second render, or the web service, waits for it); {@link #publish}
 * writes verified notices under {@code <variant>/<locale>/<variant>.<locale>.pdf} ({@code .ua2.pdf}
 * for PDF/UA-2) with the HTML twin beside them, and {@code manifest.json} (hash, size, pages,
 * review status, standard, validation of every published file) and {@code index.html} (the same for
 * people).
 *
 * <p>What readers see is always consistent: each {@link #publish} builds a complete new generation
 * of the folder (unchanged files shared by hard link, new ones written, manifest and index last)
 * and switches it in with one atomic rename of the link {@code output} → {@code
 * .output.publish/NNNNNN}. A session killed at any point leaves the previous generation in place,
 * and the next session removes the half-built one. Files get the mode the umask gives (0644 under
 * umask 022).
 *
 * <p>Opening checks what readers would see against the manifest; a file changed, removed or added
 * behind the manifest's back is left out of the next generation and reported in {@link
 * #findings()}, never silently. A manifest that cannot be read is refused: what it listed cannot be
 * known.
 */
public final class Publisher implements AutoCloseable {
  public static final String MANIFEST = "manifest.json";
  public static final String INDEX = "index.html";

  /**
   * How a session is opened.
   *
   * @param purpose what publishes, shown to whoever waits for the lock ("render")
   * @param maxWait how long to wait for another session's lock before giving up
   * @param waiting told once, in a sentence naming the holder's PID, when the session has to wait
   */
  public record Options(String purpose, Duration maxWait, Consumer<String> waiting) {
    public Options {
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(maxWait, "maxWait");
      Objects.requireNonNull(waiting, "waiting");
      if (maxWait.isNegative()) {
        throw new IllegalArgumentException("maxWait must not be negative: " + maxWait);
      }
    }

    /** Waits up to ten minutes, silently. */
    public static Options of(String purpose) {
      return new Options(purpose, Duration.ofMinutes(10), message -> {});
    }
  }

  private final Path output;
  private final OutputFolder folder;
  private final FolderLock lock;
  private final List<Finding> findings = new ArrayList<>();
  private Map<String, Manifest.Entry> entries = new TreeMap<>();
  private Optional<Path> current = Optional.empty();
  private boolean closed;

  private Publisher(Path output, OutputFolder folder, FolderLock lock) {
    this.output = output;
    this.folder = folder;
    this.lock = lock;
  }

  /**
   * Opens a publishing session on {@code output}, creating the folder if needed.
   *
   * @throws OutputUnusableException before anything else, when the folder cannot be written
   * @throws OutputBusyException when another session kept the lock longer than the options allow
   * @throws FindingsException when the published manifest cannot be read; nothing was changed
   */
  public static Publisher open(Path output, Options options) throws IOException, FindingsException {
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(options, "options");
    OutputFolder folder = OutputFolder.prepare(output);
    FolderLock lock =
        FolderLock.acquire(
            folder.lockFile(), options.purpose(), options.maxWait(), options.waiting());
    Publisher p = new Publisher(output, folder, lock);
    try {
      folder.recover();
      p.load();
      return p;
    } catch (IOException | FindingsException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  public static Publisher open(Path output) throws IOException, FindingsException {
    return open(output, Options.of("publishing session"));
  }

  public Path output() {
    return output;
  }

  /** What opening found wrong with what was published (files left out, entries removed). */
  public List<Finding> findings() {
    return List.copyOf(findings);
  }

  /**
   * Where a notice's PDF is published; layouts other than A4 and standards other than PDF/UA-1 get
   * their own name ({@link Layout#fileSuffix()}), so every kind can be published side by side.
   */
  public Path pdfPath(NoticeId id, Layout layout) {
    return output.resolve(layout.pdfFile(id));
  }

  /** The HTML twin: one per paper and print size, shared by the PDFs of every standard. */
  public Path htmlPath(NoticeId id, Layout layout) {
    return output.resolve(layout.htmlFile(id));
  }

  /**
   * Whether {@code folder} is, or lies inside, an output folder this tool publishes to (a link into
   * a generation store): files written there behind a session's back are taken out by the next one.
   */
  public static boolean isPublishedFolder(Path folder) {
    Objects.requireNonNull(folder, "folder");
    for (Path p = folder.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (Files.isSymbolicLink(p)
          && p.getFileName() != null
          && Files.isDirectory(p.resolveSibling("." + p.getFileName() + ".publish"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether publishing {@code id} again would change nothing: the manifest lists its PDF and HTML
   * as made from sources with hash {@code sources}, and both files are as the manifest describes
   * them (opening the session checked every listed file's size and SHA-256 and left out any that
   * differ). Anything else (never published, other sources, a file changed by hand) means it must
   * be made again.
   */
  public synchronized boolean isCurrent(NoticeId id, Layout layout, SourceHash sources) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(sources, "sources");
    requireOpen();
    // The HTML twin is one file for every PDF standard, so its entry carries the hash of whichever
    // standard was published last: the PDF's entry alone says whether this layout is current.
    Manifest.Entry pdf = entries.get(layout.pdfFile(id));
    return pdf != null
        && sources.hex().equals(pdf.sources())
        && entries.containsKey(layout.htmlFile(id));
  }

  /**
   * Publishes verified notices, all at once: readers see either none of them or all of them, each
   * with its manifest entry. Earlier files of other notices stay as they were.
   *
   * @throws IllegalArgumentException if a publication did not pass verification
   */
  public synchronized void publish(List<Publication> publications) throws IOException {
    requireOpen();
    Map<String, byte[]> writes = new LinkedHashMap<>();
    Map<String, Manifest.Entry> next = new TreeMap<>(entries);
    for (Publication p : publications) {
      if (!p.publishable()) {
        throw new IllegalArgumentException("publication did not pass verification: " + p.id());
      }
      byte[] pdf = p.pdf().orElseThrow().bytes();
      byte[] html = p.notice().orElseThrow().html().getBytes(StandardCharsets.UTF_8);
      String pdfPath = p.layout().pdfFile(p.id());
      String htmlPath = p.layout().htmlFile(p.id());
      writes.put(pdfPath, pdf);
      writes.put(htmlPath, html);
      next.put(pdfPath, Manifest.Entry.pdf(p, pdfPath, pdf));
      next.put(htmlPath, Manifest.Entry.html(p, htmlPath, html));
    }
    commit(next, writes, false);
  }

  public void publish(Publication publication) throws IOException {
    publish(List.of(publication));
  }

  /**
   * Builds the next generation: {@code next} as the manifest, files from {@code writes} new, every
   * other listed file shared with the current generation.
   */
  private void commit(
      Map<String, Manifest.Entry> next, Map<String, byte[]> writes, boolean keepPrevious)
      throws IOException {
    Path staging = folder.newStaging();
    // Files of a folder from before generations may carry the old 0600 mode: copy, don't share.
    boolean copy = folder.isPlainFolder();
    try {
      for (String path : next.keySet()) {
        Path to = staging.resolve(path);
        Files.createDirectories(to.getParent());
        byte[] bytes = writes.get(path);
        if (bytes != null) {
          OutputFolder.writeNew(to, bytes);
        } else if (copy) {
          OutputFolder.writeNew(to, Files.readAllBytes(current.orElseThrow().resolve(path)));
        } else {
          OutputFolder.share(current.orElseThrow().resolve(path), to);
        }
      }
      OutputFolder.writeNew(
          staging.resolve(MANIFEST), new Manifest(List.copyOf(next.values())).bytes());
      OutputFolder.writeNew(
          staging.resolve(INDEX),
          PublishedIndex.html(next.values()).getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      FileTree.delete(staging);
      throw e;
    }
    Optional<Path> kept = folder.commit(staging, keepPrevious);
    kept.ifPresent(
        k ->
            findings.add(
                Finding.warning(
                        "output-kept",
                        "the folder published before, with the files left out, was kept as " + k)
                    .withFix("look through it and delete it when it is no longer needed")));
    entries = next;
    current = folder.current();
  }

  /**
   * Reads the current manifest and checks it against the files readers see. Anything that does not
   * match is left out of a new generation and reported: a file whose bytes differ from the ones
   * verified, a listed file that is gone, a file the manifest does not list (it was never verified
   * here, so it is not vouched for).
   */
  private void load() throws IOException, FindingsException {
    current = folder.current();
    if (current.isEmpty()) {
      return;
    }
    Path dir = current.get();
    Map<String, Manifest.Entry> listed = new TreeMap<>();
    if (Files.exists(dir.resolve(MANIFEST))) {
      Manifest.read(Files.readAllBytes(dir.resolve(MANIFEST)), output)
          .files()
          .forEach(e -> listed.put(e.path(), e));
    }
    TreeSet<String> onDisk = new TreeSet<>(OutputFolder.files(dir));
    onDisk.remove(MANIFEST);
    onDisk.remove(INDEX);
    Map<String, Manifest.Entry> kept = new TreeMap<>();
    boolean leftOut = false;
    for (Map.Entry<String, Manifest.Entry> e : listed.entrySet()) {
      String path = e.getKey();
      if (!onDisk.remove(path)) {
        findings.add(
            Finding.warning(
                    "manifest-entry-removed",
                    "listed in the manifest, but the file is gone; its entry was removed")
                .at(output.resolve(path).toString(), 0)
                .withFix("render the notice again to publish it"));
        continue;
      }
      byte[] bytes = Files.readAllBytes(dir.resolve(path));
      if (!Sha256.hex(bytes).equals(e.getValue().sha256())
          || bytes.length != e.getValue().bytes()) {
        findings.add(
            Finding.warning(
                    "file-changed",
                    "the file's bytes are not the ones verified and listed in the manifest; it was taken"
                        + " out of the publication")
                .at(output.resolve(path).toString(), 0)
                .withFix("render the notice again to publish it"));
        leftOut = true;
        continue;
      }
      kept.put(path, e.getValue());
    }
    // A notice is published as a pair, PDF and HTML twin: one without the other is taken out too.
    Map<String, List<String>> pairs = new TreeMap<>();
    kept.forEach((path, e) -> pairs.computeIfAbsent(e.notice(), k -> new ArrayList<>()).add(path));
    for (List<String> pair : pairs.values()) {
      if (pair.size() == 1) {
        kept.remove(pair.get(0));
        findings.add(
            Finding.warning(
                    "file-unpaired",
                    "the other file of this notice (PDF or HTML twin) was taken out, so this one was too")
                .at(output.resolve(pair.get(0)).toString(), 0)
                .withFix("render the notice again to publish it"));
        leftOut = true;
      }
    }
    for (String path : onDisk) {
      findings.add(
          Finding.warning(
                  "file-not-listed",
                  "not in the manifest, so never verified by a render here; it was taken out of the"
                      + " publication")
              .at(output.resolve(path).toString(), 0)
              .withFix("render the notice to publish a verified copy"));
      leftOut = true;
    }
    entries = kept;
    if (!findings.isEmpty() || folder.isPlainFolder()) {
      commit(kept, Map.of(), leftOut);
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("publishing session on " + output + " is closed");
    }
  }

  /** Releases the lock. */
  @Override
  public synchronized void close() throws IOException {
    if (!closed) {
      closed = true;
      lock.close();
    }
  }
}
