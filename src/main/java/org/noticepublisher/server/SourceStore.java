package org.noticepublisher.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.LogCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.noticepublisher.AtomicFile;
import org.noticepublisher.FindingsException;
import org.noticepublisher.catalog.Bundle;
import org.noticepublisher.catalog.SourceBasis;
import org.noticepublisher.publish.SourcesLock;
import org.noticepublisher.sources.NoticeSources;

/**
 * The one place the service changes sources: every write is atomic (temporary file, then a move)
 * and, inside a git repository, committed with the signed-in user as author, so no translator's
 * work is lost and every change can be seen and undone. Writes, the copy a publication renders
 * from, and the CLI's {@code xliff import} and {@code lint --accept} share one lock ({@link
 * SourcesLock}, across processes), so none lands in the middle of another: one waits for the other,
 * or is refused after 30 seconds. A publication holds it only while it copies the sources, not
 * while it renders.
 */
final class SourceStore {
  private static final Pattern STATUS =
      Pattern.compile(
          "(?m)^([ \\t]*" + Pattern.quote(Bundle.STATUS_KEY) + "[ \\t]*[=:][ \\t]*).*$");

  private final Path root;
  private final java.time.Duration maxWait;

  /**
   * What a write did.
   *
   * @param file the file written, relative to the project
   * @param commit the commit id, empty outside a git repository
   * @param note for people: what happened, including "not a git repository"
   */
  record Saved(String file, Optional<String> commit, String note) {}

  /**
   * One commit that touched a notice's sources.
   *
   * @param id short commit id
   * @param author who made it
   * @param when when
   * @param message its first line
   */
  record Change(String id, String author, Instant when, String message) {}

  /** Another write or a publication holds the sources; try again shortly. */
  static final class BusyException extends RuntimeException {
    BusyException(String message) {
      super(message);
    }
  }

  SourceStore(Path root) {
    this(root, java.time.Duration.ofSeconds(30));
  }

  SourceStore(Path root, java.time.Duration maxWait) {
    this.root = root;
    this.maxWait = maxWait;
  }

  /** Whether the project is inside a git repository (changes are then committed). */
  boolean versioned() {
    return repository().isPresent();
  }

  /**
   * Saves a translator's bundle as a draft: status forced to draft, written atomically, committed.
   */
  Saved saveDraft(String locale, String text, User user) throws IOException {
    return saveDraft(locale, text, user, Set.of(), Optional.empty());
  }

  /**
   * Saves a draft and, as {@code xliff import} does, records the current English of {@code
   * accepted} keys (those the translator finished) as their basis, so they are no longer stale;
   * both files in one commit.
   *
   * @param source the English bundle whose text becomes the basis; needed when {@code accepted} is
   *     not empty
   */
  Saved saveDraft(
      String locale, String text, User user, Set<String> accepted, Optional<Bundle> source)
      throws IOException {
    if (!accepted.isEmpty() && source.isEmpty()) {
      throw new IllegalArgumentException("source: needed to record the basis of " + accepted);
    }
    String message =
        "locales/"
            + locale
            + ".properties: draft saved by "
            + user.name()
            + (accepted.isEmpty()
                ? ""
                : "; "
                    + accepted.size()
                    + " translation(s) marked as matching"
                    + " the current English");
    return write(
        locale,
        withStatus(text, "draft"),
        user,
        message,
        target -> {
          if (accepted.isEmpty()) {
            return List.of();
          }
          try {
            SourceBasis basis =
                SourceBasis.accept(Bundle.load(target), source.orElseThrow(), accepted);
            return List.of(basis.file());
          } catch (FindingsException e) {
            // The text was checked before saving, so it loads; if not, the basis stays as it was.
            return List.of();
          }
        });
  }

  /** A file written after the bundle, in the same lock and commit (the basis). */
  private interface AlsoWrite {
    List<Path> after(Path bundle) throws IOException;
  }

  /** Marks a locale reviewed: only the status line changes. */
  Saved markReviewed(String locale, User user) throws IOException {
    Path file = bundleFile(locale);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return write(
        locale,
        withStatus(text, "reviewed"),
        user,
        "locales/" + locale + ".properties: marked reviewed by " + user.name(),
        target -> List.of());
  }

  Path bundleFile(String locale) {
    return root.resolve("locales").resolve(locale + ".properties");
  }

  static String withStatus(String text, String status) {
    Matcher m = STATUS.matcher(text);
    if (m.find()) {
      return text.substring(0, m.start()) + m.group(1) + status + text.substring(m.end());
    }
    return Bundle.STATUS_KEY + " = " + status + "\n" + text;
  }

  private Saved write(String locale, String text, User user, String message, AlsoWrite also)
      throws IOException {
    try (SourcesLock held =
        acquire("save of locales/" + locale + ".properties by " + user.name())) {
      Path target = bundleFile(locale);
      AtomicFile.write(target, text.getBytes(StandardCharsets.UTF_8));
      List<Path> files = new ArrayList<>(List.of(target));
      files.addAll(also.after(target));
      String rel = "locales/" + locale + ".properties";
      Optional<Repository> repo = repository();
      if (repo.isEmpty()) {
        return new Saved(
            rel,
            Optional.empty(),
            "saved; the project is not in a git repository, so the change is not versioned");
      }
      try (Repository r = repo.get();
          Git git = new Git(r)) {
        Path work = r.getWorkTree().toPath().toRealPath();
        var commit = git.commit();
        for (Path f : files) {
          String path = work.relativize(f.toRealPath()).toString().replace('\\', '/');
          git.add().addFilepattern(path).call();
          commit.setOnly(path);
        }
        PersonIdent who = new PersonIdent(user.name(), user.name() + "@notice-service.invalid");
        RevCommit c = commit.setAuthor(who).setCommitter(who).setMessage(message).call();
        return new Saved(
            rel,
            Optional.of(c.abbreviate(10).name()),
            "saved and committed as " + c.abbreviate(10).name());
      } catch (GitAPIException e) {
        return new Saved(rel, Optional.empty(), "saved, but the commit failed: " + e.getMessage());
      }
    }
  }

  /**
   * The sources' lock, shared with publications and the CLI; {@link BusyException} past the wait.
   */
  SourcesLock acquire(String purpose) throws IOException {
    try {
      return SourcesLock.acquire(root, "notice service: " + purpose, maxWait, message -> {});
    } catch (SourcesLock.BusyException e) {
      throw new BusyException(
          "The sources are being changed by the " + e.holder() + ". Try again in a few seconds.");
    }
  }

  /**
   * Copies {@code locales/} and {@code templates/} into {@code into} under the lock: a consistent
   * state of the sources for a publication to render from while translators go on saving.
   */
  void copySources(Path into, String purpose) throws IOException {
    try (SourcesLock held = acquire(purpose)) {
      NoticeSources.copy(root, into);
    }
  }

  /** Commits that touched any of {@code paths} (relative to the project), newest first. */
  List<Change> history(List<String> paths, int max) {
    Optional<Repository> repo = repository();
    if (repo.isEmpty()) {
      return List.of();
    }
    try (Repository r = repo.get();
        Git git = new Git(r)) {
      if (r.resolve("HEAD") == null) {
        return List.of();
      }
      Path work = r.getWorkTree().toPath().toRealPath();
      String prefix = work.relativize(root.toRealPath()).toString().replace('\\', '/');
      LogCommand log = git.log().setMaxCount(max);
      for (String p : paths) {
        log.addPath(prefix.isEmpty() ? p : prefix + "/" + p);
      }
      List<Change> changes = new ArrayList<>();
      for (RevCommit c : log.call()) {
        changes.add(
            new Change(
                c.abbreviate(10).name(),
                c.getAuthorIdent().getName(),
                c.getAuthorIdent().getWhenAsInstant(),
                c.getShortMessage()));
      }
      return changes;
    } catch (IOException | GitAPIException e) {
      return List.of();
    }
  }

  private Optional<Repository> repository() {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(root.toFile());
    if (builder.getGitDir() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(builder.setMustExist(true).build());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
