package org.noticepublisher.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.noticepublisher.Fixtures;

/**
 * A running service over a git-initialised copy of the project, with three people: a viewer, a
 * translator of Polish and an editor (passwords: their name + "-password").
 */
final class Service implements AutoCloseable {
  final Path root;
  final Path project;
  final Path output;
  final Path usersFile;
  final NoticeServer server;

  /** What the service logged: requests and internal errors with their stack traces. */
  final StringWriter log;

  private Service(
      Path root, Path project, Path output, Path usersFile, NoticeServer server, StringWriter log) {
    this.log = log;
    this.root = root;
    this.project = project;
    this.output = output;
    this.usersFile = usersFile;
    this.server = server;
  }

  static Service start(Path temp, boolean git, int threads, int queue) {
    return start(temp, git, threads, queue, Duration.ofMinutes(3));
  }

  static Service start(Path temp, boolean git, int threads, int queue, Duration renderTimeout) {
    try {
      Path project = Fixtures.copyOfProject(Files.createDirectories(temp.resolve("project")));
      if (git) {
        try (Git g = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
          g.add().addFilepattern(".").call();
          PersonIdent seed = new PersonIdent("Seed", "seed@example.invalid");
          g.commit().setAuthor(seed).setCommitter(seed).setMessage("Initial sources").call();
        }
      }
      Path users = temp.resolve("users.json");
      Users.empty()
          .with("vera", Role.VIEWER, List.of(), "vera-password".toCharArray())
          .with("tomasz", Role.TRANSLATOR, List.of("pl"), "tomasz-password".toCharArray())
          .with("erin", Role.EDITOR, List.of(), "erin-password".toCharArray())
          .save(users);
      Path output = temp.resolve("output");
      ServerSettings settings =
          ServerSettings.defaults(project, output)
              .withAddress("127.0.0.1", 0)
              .withUsers(users)
              .withRenderLimits(threads, queue, renderTimeout);
      StringWriter log = new StringWriter();
      NoticeServer server = NoticeServer.start(settings, new PrintWriter(log, true));
      return new Service(temp, project, output, users, server, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  WebClient client() {
    return new WebClient(server.port());
  }

  WebClient signedIn(String name) throws Exception {
    WebClient c = client();
    int status = c.signIn(name, name + "-password").statusCode();
    if (status != 303) {
      throw new AssertionError(name + " could not sign in: " + status);
    }
    c.get("/");
    return c;
  }

  @Override
  public void close() {
    server.close();
  }
}
