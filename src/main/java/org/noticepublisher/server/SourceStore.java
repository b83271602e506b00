package org.noticepublisher.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
import org.noticepublisher.catalog.Bundle;

/**
 * The one place the service changes sources: every write is atomic (temporary file, then a move) and,
 * inside a git repository, committed with the signed-in user as author, so no translator's work is
 * lost and every change can be seen and undone. Writes and publishing share one lock, so a save never
 * lands in the middle of a publication: one waits for the other, or is refused after 30 seconds.
 */
final class SourceStore {
  private static final Pattern STATUS =
      Pattern.compile("(?m)^([ \\t]*" + Pattern.quote(Bundle.STATUS_KEY) + "[ \\t]*[=:][ \\t]*).*$");

  private final Path root;
  private final java.time.Duration maxWait;
  private final ReentrantLock lock = new ReentrantLock(true);

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

  ReentrantLock lock() {
    return lock;
  }

  /** Whether the project is inside a git repository (changes are then committed). */
  boolean versioned() {
    return repository().isPresent();
  }

  /** Saves a translator's bundle as a draft: status forced to draft, written atomically, committed. */
  Saved saveDraft(String locale, String text, User user) throws IOException {
    return write(locale, withStatus(text, "draft"), user,
        "locales/" + locale + ".properties: draft saved by " + user.name());
  }

  /** Marks a locale reviewed: only the status line changes. */
  Saved markReviewed(String locale, User user) throws IOException {
    Path file = bundleFile(locale);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return write(locale, withStatus(text, "reviewed"), user,
        "locales/" + locale + ".properties: marked reviewed by " + user.name());
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

  private Saved write(String locale, String text, User user, String message) throws IOException {
    acquire();
    try {
      Path target = bundleFile(locale);
      AtomicFile.write(target, text.getBytes(StandardCharsets.UTF_8));
      String rel = "locales/" + locale + ".properties";
      Optional<Repository> repo = repository();
      if (repo.isEmpty()) {
        return new Saved(rel, Optional.empty(),
            "saved; the project is not in a git repository, so the change is not versioned");
      }
      try (Repository r = repo.get(); Git git = new Git(r)) {
        String path = r.getWorkTree().toPath().toRealPath()
            .relativize(target.toRealPath()).toString().replace('\\', '/');
        git.add().addFilepattern(path).call();
        PersonIdent who = new PersonIdent(user.name(), user.name() + "@notice-service.invalid");
        RevCommit c = git.commit().setOnly(path).setAuthor(who).setCommitter(who)
            .setMessage(message).call();
        return new Saved(rel, Optional.of(c.abbreviate(10).name()),
            "saved and committed as " + c.abbreviate(10).name());
      } catch (GitAPIException e) {
        return new Saved(rel, Optional.empty(),
            "saved, but the commit failed: " + e.getMessage());
      }
    } finally {
      lock.unlock();
    }
  }

  void acquire() {
    try {
      if (!lock.tryLock(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new BusyException("a publication or another save is running; try again shortly");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BusyException("interrupted while waiting for the sources");
    }
  }

  /** Commits that touched any of {@code paths} (relative to the project), newest first. */
  List<Change> history(List<String> paths, int max) {
    Optional<Repository> repo = repository();
    if (repo.isEmpty()) {
      return List.of();
    }
    try (Repository r = repo.get(); Git git = new Git(r)) {
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
        changes.add(new Change(c.abbreviate(10).name(), c.getAuthorIdent().getName(),
            c.getAuthorIdent().getWhenAsInstant(), c.getShortMessage()));
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
