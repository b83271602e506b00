package org.noticepublisher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.noticepublisher.server.NoticeServer;
import org.noticepublisher.server.ServerSettings;
import org.noticepublisher.verify.PdfValidator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: the web service, until interrupted. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "The notice service: dashboard, notice pages, translator workspace, review",
      "and publishing, printing for schools, and JSON for each. Sources are read",
      "from disk at every request (edits show without a restart). Without --users",
      "it is read-only and listens on loopback only. Stop with Ctrl-C."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ProjectOptions project;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}); other than loopback only "
              + "with --users.")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      paramLabel = "PORT",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      defaultValue = "output",
      description = "Folder published notices go to (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(
      names = "--users",
      paramLabel = "FILE",
      description =
          "Users file (made with 'users add'); keep it outside the project. Without it "
              + "nobody can sign in and nothing can be changed.")
  Path users;

  @Option(
      names = "--render-threads",
      paramLabel = "N",
      description =
          "Notices rendered at once, by pages, checks and publications together "
              + "(default: one per core).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535");
    }
    if (users != null && !Files.isRegularFile(users)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--users "
              + users
              + ": no such file (create it with 'users add --users "
              + users
              + " …')");
    }
    ServerSettings settings =
        ServerSettings.defaults(project.project, output).withAddress(host, port);
    if (users == null && !settings.loopbackOnly()) {
      err.println(
          "error: refusing to listen on "
              + host
              + " without --users: without sign-in "
              + "the service is read-only and only for this machine.");
      err.println(
          "  Create users with 'users add --users FILE --name NAME --role editor' and pass "
              + "--users FILE, or listen on 127.0.0.1.");
      return Main.USAGE;
    }
    PdfValidator.prepareInBackground(); // ready by the first request
    if (project.open(err).isEmpty()) {
      return Main.FAILED;
    }
    if (users != null) {
      settings = settings.withUsers(users);
    }
    if (threads != null) {
      if (threads < 1) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--render-threads must be 1 or more");
      }
      settings = settings.withRenderLimits(threads, 2 * threads, settings.renderTimeout());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    NoticeServer server;
    try {
      server = NoticeServer.start(settings, out);
    } catch (IOException | IllegalArgumentException e) {
      err.println("error: cannot start: " + e.getMessage());
      return Main.FAILED;
    }
    try (server) {
      out.printf(
          "Serving on http://%s:%d/ (%s; Ctrl-C to stop)%n",
          host, server.port(), server.readOnly() ? "read-only" : "users from " + users);
      out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
    return Main.OK;
  }
}
