package org.noticepublisher.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.noticepublisher.Pipeline;
import org.noticepublisher.server.NoticeServer;
import org.noticepublisher.verify.PdfValidator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: the web service, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {
      "Serves previews (rendered and verified from the current sources), reports and the published",
      "files over HTTP. Listens on the loopback address unless told otherwise; stop with Ctrl-C."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ProjectOptions project;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "output",
      description = "Folder of published notices to offer for download (default: ${DEFAULT-VALUE}).")
  Path output;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535");
    }
    PdfValidator.prepareInBackground(); // ready by the first request
    var opened = project.open(spec.commandLine().getErr());
    if (opened.isEmpty()) {
      return Main.FAILED;
    }
    Pipeline pipeline = opened.get();
    CountDownLatch stopped = new CountDownLatch(1);
    try (NoticeServer server = NoticeServer.start(pipeline, output,
        new InetSocketAddress(host, port))) {
      out.printf("Serving on http://%s:%d/ (Ctrl-C to stop)%n", host, server.address().getPort());
      out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
    return Main.OK;
  }
}
