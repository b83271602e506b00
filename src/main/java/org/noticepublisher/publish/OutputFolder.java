package org.noticepublisher.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.noticepublisher.FileTree;

/**
 * The output folder as a symbolic link to a complete, never-modified generation directory, so that
 * everything published (files, manifest, index) is switched at once by one atomic rename of the
 * link.
 *
 * <p>For an output folder {@code /x/output} the generations live beside it in {@code
 * /x/.output.publish/}: {@code 000007/} (complete generations; the link points at one), {@code
 * .staging-000008/} (being built; deleted if a session dies), {@code kept-…/} (folders taken out of
 * the publication with files that could not be vouched for; never deleted), and {@code lock}. The
 * link is relative, so the whole parent folder can be moved.
 */
final class OutputFolder {
  private static final Pattern GENERATION = Pattern.compile("\\d{6,}");
  private static final Pattern STAGING = Pattern.compile("\\.staging-(\\d{6,})");

  private final Path output;
  private final Path store;

  private OutputFolder(Path output) {
    this.output = output;
    this.store = output.resolveSibling("." + output.getFileName() + ".publish");
  }

  /**
   * Checks that {@code requested} can be published to and creates the generation store beside it. A
   * link the user made (to a folder served by a web server, say) is followed: the generations live
   * beside the folder it points to.
   */
  static OutputFolder prepare(Path requested) throws OutputUnusableException {
    Path output = requested.toAbsolutePath().normalize();
    for (int hops = 0;
        Files.isSymbolicLink(output) && !new OutputFolder(output).isOurLink();
        hops++) {
      try {
        if (hops > 40) {
          throw new IOException("too many links");
        }
        output = output.toRealPath();
      } catch (IOException e) {
        throw unusable(requested, requested + " is a link that cannot be followed (" + e + ")");
      }
    }
    if (output.getParent() == null) {
      throw unusable(requested, "a file system's root cannot be the output folder");
    }
    OutputFolder folder = new OutputFolder(output);
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw unusable(requested, output + " is a file, not a folder");
    }
    Optional<Path> foreign = foreignFile(output);
    if (foreign.isPresent()) {
      throw unusable(
          requested,
          "it holds files but no manifest.json ("
              + foreign.get()
              + "), so it is not a folder this tool published to; choose a new or empty folder");
    }
    Path existing = output.getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw unusable(requested, "none of the folders on its path exists");
    }
    if (!Files.isDirectory(existing)) {
      throw unusable(requested, existing + " is a file, not a folder");
    }
    if (!Files.isWritable(existing)) {
      throw unusable(requested, "the folder " + existing + " is not writable");
    }
    try {
      Files.createDirectories(folder.store);
    } catch (IOException e) {
      throw unusable(
          requested, "the folder " + folder.store + " cannot be created (" + reason(e) + ")");
    }
    if (!Files.isWritable(folder.store)) {
      throw unusable(requested, "the folder " + folder.store + " is not writable");
    }
    return folder;
  }

  /**
   * A file in a plain folder without a manifest: publishing there would take the folder over (move
   * it aside, link a generation in its place), which must never happen to {@code -o .} or a home.
   */
  private static Optional<Path> foreignFile(Path output) throws OutputUnusableException {
    if (!Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)
        || Files.exists(output.resolve(Publisher.MANIFEST))) {
      return Optional.empty();
    }
    try (Stream<Path> walk = Files.walk(output)) {
      return walk.filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(Files::isRegularFile)
          .findFirst();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw unusable(output, "its contents cannot be read (" + e.getMessage() + ")");
    }
  }

  private static OutputUnusableException unusable(Path output, String why) {
    return new OutputUnusableException("Cannot publish to " + output + ": " + why + ".");
  }

  /** The operating system's reason in words; Java leaves it empty for the commonest cases. */
  private static String reason(IOException e) {
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "the file system refuses new folders there";
    }
    return e.getClass().getSimpleName();
  }

  Path output() {
    return output;
  }

  Path lockFile() {
    return store.resolve("lock");
  }

  /** True when the output path is our link into the store (dangling or not). */
  private boolean isOurLink() {
    if (!Files.isSymbolicLink(output)) {
      return false;
    }
    try {
      Path target = output.resolveSibling(Files.readSymbolicLink(output)).normalize();
      return store.equals(target.getParent());
    } catch (IOException e) {
      return false;
    }
  }

  /** The folder a reader sees now: the linked generation, or a plain folder from before links. */
  Optional<Path> current() throws IOException {
    if (isOurLink()) {
      Path target = output.resolveSibling(Files.readSymbolicLink(output)).normalize();
      return Files.isDirectory(target) ? Optional.of(target) : Optional.empty();
    }
    return Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)
        ? Optional.of(output)
        : Optional.empty();
  }

  /** A plain folder, written before publication switched generations: moved aside on commit. */
  boolean isPlainFolder() {
    return Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Puts things right after a session that died (held under the lock): removes half-built
   * generations, and re-links the newest complete generation if the link itself went missing.
   */
  void recover() throws IOException {
    for (Path p : list()) {
      String name = p.getFileName().toString();
      if (STAGING.matcher(name).matches() || name.startsWith(".link-")) {
        FileTree.delete(p);
      }
    }
    boolean dangling = isOurLink() && current().isEmpty();
    if (!Files.exists(output, LinkOption.NOFOLLOW_LINKS) || dangling) {
      Optional<Path> newest = generations().stream().reduce((a, b) -> b);
      if (newest.isPresent()) {
        switchTo(newest.get());
      }
    }
  }

  /** A new, empty generation directory to fill; invisible to readers until {@link #commit}. */
  Path newStaging() throws IOException {
    long next = 1;
    for (Path p : list()) {
      Matcher g = GENERATION.matcher(p.getFileName().toString());
      Matcher s = STAGING.matcher(p.getFileName().toString());
      if (g.matches()) {
        next = Math.max(next, Long.parseLong(g.group()) + 1);
      } else if (s.matches()) {
        next = Math.max(next, Long.parseLong(s.group(1)) + 1);
      }
    }
    Path staging = store.resolve(String.format(Locale.ROOT, ".staging-%06d", next));
    Files.createDirectory(staging);
    return staging;
  }

  /**
   * Makes a filled staging directory the published generation: one rename marks it complete, one
   * rename of a new link over the old one switches readers to it. A plain folder from before links
   * is moved aside first (readers see no output folder for that instant, never a mixed one).
   *
   * @param keepPrevious keep the folder readers saw until now as {@code kept-…} (it holds files
   *     that were left out of the publication), instead of deleting it in the clean-up
   * @return where the previous folder was kept, if it was
   */
  Optional<Path> commit(Path staging, boolean keepPrevious) throws IOException {
    Matcher s = STAGING.matcher(staging.getFileName().toString());
    if (!s.matches() || !store.equals(staging.getParent())) {
      throw new IllegalArgumentException("staging must come from newStaging(): " + staging);
    }
    Optional<Path> previous = current();
    Path generation = store.resolve(s.group(1));
    Path aside = store.resolve("kept-" + s.group(1));
    boolean plain = isPlainFolder();
    if (keepPrevious && !plain && previous.isPresent()) {
      // Kept before the switch: once switched, the previous generation is only cleaned up.
      for (String file : files(previous.get())) {
        Files.createDirectories(aside.resolve(file).getParent());
        share(previous.get().resolve(file), aside.resolve(file));
      }
    }
    sync(staging);
    Files.move(staging, generation, StandardCopyOption.ATOMIC_MOVE);
    if (plain) {
      Files.move(output, aside, StandardCopyOption.ATOMIC_MOVE);
    }
    switchTo(generation);
    if (!keepPrevious) {
      FileTree.delete(aside);
    }
    cleanUp(generation);
    return Files.isDirectory(aside) ? Optional.of(aside) : Optional.empty();
  }

  private void switchTo(Path generation) throws IOException {
    Path link = store.resolve(".link-" + generation.getFileName());
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, store.getFileName().resolve(generation.getFileName()));
    Files.move(link, output, StandardCopyOption.ATOMIC_MOVE);
    sync(store);
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      sync(parent);
    }
  }

  /**
   * Deletes every generation but the current one and the one before it: a reader that resolved the
   * link just before a switch can still finish reading the previous generation.
   */
  private void cleanUp(Path current) throws IOException {
    List<Path> older = generations().stream().filter(g -> number(g) < number(current)).toList();
    for (Path g : generations()) {
      boolean previous = !older.isEmpty() && g.equals(older.get(older.size() - 1));
      if (!g.equals(current) && !previous) {
        FileTree.delete(g);
      }
    }
  }

  private List<Path> generations() throws IOException {
    return list().stream()
        .filter(p -> GENERATION.matcher(p.getFileName().toString()).matches())
        .filter(Files::isDirectory)
        .sorted(Comparator.comparingLong(OutputFolder::number))
        .toList();
  }

  private static long number(Path generation) {
    return Long.parseLong(generation.getFileName().toString());
  }

  private List<Path> list() throws IOException {
    try (Stream<Path> s = Files.list(store)) {
      return s.sorted().toList();
    }
  }

  /** A new file with the mode the umask gives (as any program's new file), never one reused. */
  static void writeNew(Path file, byte[] bytes) throws IOException {
    try (FileChannel channel =
            FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
      out.write(bytes);
      out.flush();
      channel.force(true);
    }
  }

  /** The same bytes under a second name; generations share unchanged files this way. */
  static void share(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (UnsupportedOperationException | FileSystemException e) {
      writeNew(to, Files.readAllBytes(from));
    }
  }

  /** Best effort: makes renames in {@code dir} durable; not every platform can open a folder. */
  private static void sync(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Durability across power loss only; what readers and crashed processes see is unaffected.
    }
  }

  /** Every regular file under {@code dir}, as '/'-separated relative paths, sorted. */
  static List<String> files(Path dir) throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        files.add(dir.relativize(p).toString().replace('\\', '/'));
      }
    }
    return files;
  }
}
