package org.noticepublisher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.noticepublisher.Finding;
import org.noticepublisher.FindingsException;
import org.noticepublisher.InOrder;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.assemble.Notice;
import org.noticepublisher.pipeline.Pipeline;
import org.noticepublisher.pipeline.Publication;
import org.noticepublisher.publish.OutputBusyException;
import org.noticepublisher.publish.OutputUnusableException;
import org.noticepublisher.publish.Publisher;
import org.noticepublisher.verify.PdfValidator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code render}: every variant × locale (or those chosen) into the output folder, validated. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Renders notices to PDF/UA-1 + PDF/A-2a (or, with --standard ua2, PDF/UA-2 + PDF/A-4) and",
      "HTML, validates each with veraPDF and text checks, and publishes only those that pass.",
      "Exit 0: all published; 1: some failed; 2: usage error."
    })
final class RenderCommand implements Callable<Integer> {
  /**
   * How long a notice that passed may wait to be published with the ones after it; tests lengthen
   * it to see a whole run go out as one generation.
   */
  static volatile Duration batch = Duration.ofSeconds(2);

  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ProjectOptions project;

  @Mixin NoticeSelection selection;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      defaultValue = "output",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(
      names = "--page-size",
      paramLabel = "SIZE",
      defaultValue = "A4",
      converter = PageSizeConverter.class,
      description = "Paper: A4, A5 or Letter (default: ${DEFAULT-VALUE}).")
  Layout.PageSize pageSize;

  @Option(names = "--large-print", description = "Body text of 16 pt or more (clear print).")
  boolean largePrint;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Notices rendered at once (default: one per processor, here "
              + "${DEFAULT-VALUE}). Output is the same whatever the number.")
  int threads = InOrder.defaultThreads();

  @Option(
      names = "--force",
      description = "Render every chosen notice, even those whose published files are up to date.")
  boolean force;

  @Option(
      names = "--standard",
      paramLabel = "ua1|ua2",
      defaultValue = "ua1",
      converter = StandardConverter.class,
      description = {
        "PDF standards: ua1 = PDF/UA-1 + PDF/A-2a (default), ua2 = PDF/UA-2 +",
        "WTPDF 1.0 accessibility + PDF/A-4 on PDF 2.0, published as <variant>.<locale>.ua2.pdf."
      })
  Layout.Standard standard;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description =
          "How long to wait while another render or the web service publishes to the"
              + " same output folder, then give up with exit 1 (default: ${DEFAULT-VALUE};"
              + " 0: at once).")
  long waitSeconds;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be 1 or more");
    }
    if (waitSeconds < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--wait must be 0 or more");
    }
    if (force || !Files.isRegularFile(output.resolve(Publisher.MANIFEST))) {
      // Everything will be rendered: veraPDF's set-up (its largest start-up cost) overlaps with
      // loading the sources.
      PdfValidator.prepareInBackground();
    }
    var opened = project.open(err);
    if (opened.isEmpty()) {
      return Main.FAILED;
    }
    Pipeline pipeline = opened.get();
    List<NoticeId> ids = selection.resolve(pipeline, spec.commandLine());
    List<Finding> warnings = pipeline.warnings();
    if (!warnings.isEmpty()) {
      err.println("Warnings (" + warnings.size() + "): the notices show a placeholder for each");
      warnings.forEach(w -> err.println("  " + w));
    }
    Layout layout = new Layout(pageSize, largePrint, standard);
    // Opened before anything is rendered: an unusable folder or a busy lock costs no render.
    Publisher.Options options =
        new Publisher.Options(
            "render",
            Duration.ofSeconds(waitSeconds),
            message -> {
              err.println(message);
              err.flush();
            });
    try (Publisher publisher = Publisher.open(output, options)) {
      if (!publisher.findings().isEmpty()) {
        err.println("The output folder had changed since it was published:");
        publisher.findings().forEach(f -> err.println("  " + f));
      }
      List<Summary.Row> rows = render(pipeline, ids, layout, publisher, out);
      Summary.print(out, rows, publisher);
      return rows.stream().allMatch(r -> r.made().map(Publication::publishable).orElse(true))
          ? Main.OK
          : Main.FAILED;
    } catch (OutputUnusableException e) {
      err.println("error: " + e.getMessage());
      return Main.USAGE;
    } catch (OutputBusyException e) {
      err.println("error: " + e.getMessage());
      return Main.FAILED;
    } catch (FindingsException e) {
      err.println("The output folder cannot be published to; nothing was rendered:");
      e.findings().forEach(f -> err.println("  " + f));
      return Main.FAILED;
    }
  }

  /**
   * Renders on {@link #threads} threads and publishes the notices that pass in matrix order, a
   * batch of them in one generation at most every {@link #batch}: an interrupted run keeps all but
   * the last moments of what it finished, and a matrix is not 45 generations of hard links and
   * fsyncs (which cost more than a second of waiting per ten notices on a busy disk). A notice
   * whose published files were made from the same sources would come out byte for byte the same: it
   * is skipped, nothing written.
   */
  private List<Summary.Row> render(
      Pipeline pipeline, List<NoticeId> ids, Layout layout, Publisher publisher, PrintWriter out)
      throws IOException {
    List<Summary.Row> rows = new ArrayList<>();
    int width = String.valueOf(ids.size()).length();
    Callable<Optional<Publication>> unchanged = Optional::empty;
    List<Callable<Optional<Publication>>> work =
        ids.stream()
            .<Callable<Optional<Publication>>>map(
                id ->
                    !force && publisher.isCurrent(id, layout, pipeline.sourceHash(id, layout))
                        ? unchanged
                        : () -> Optional.of(pipeline.produce(id, layout)))
            .toList();
    if (work.stream().anyMatch(w -> w != unchanged)) {
      PdfValidator.prepareInBackground(); // while the first notice renders
    }
    List<Publication> ready = new ArrayList<>();
    long[] published = {System.nanoTime()};
    InOrder.run(
        work,
        threads,
        (i, made) -> {
          NoticeId id = ids.get(i);
          rows.add(new Summary.Row(id, layout, made));
          out.printf(
              Locale.ROOT,
              "[%" + width + "d/%d] %-40s %s%n",
              i + 1,
              ids.size(),
              id
                  + " ("
                  + layout.label()
                  + (layout.standard() == Layout.Standard.UA1 ? "" : ", " + layout.standard().id())
                  + ")",
              made.map(RenderCommand::status).orElse("unchanged"));
          if (made.isEmpty()) {
            out.flush();
            return;
          }
          Publication p = made.get();
          if (p.publishable()) {
            ready.add(p);
            if (System.nanoTime() - published[0] >= batch.toNanos()) {
              publisher.publish(ready);
              ready.clear();
              published[0] = System.nanoTime();
            }
          }
          p.reading().ifPresent(r -> out.println("      " + r));
          p.notice()
              .map(Notice::fallbacks)
              .filter(f -> !f.isEmpty())
              .ifPresent(
                  f ->
                      out.println(
                          "      "
                              + f.size()
                              + " messages not translated, shown from "
                              + new TreeSet<>(f.values())
                              + ": "
                              + String.join(", ", f.keySet().stream().limit(5).toList())
                              + (f.size() > 5 ? ", …" : "")));
          p.notice()
              .map(Notice::stale)
              .filter(st -> !st.isEmpty())
              .ifPresent(
                  st ->
                      out.println(
                          "      stale: "
                              + st.size()
                              + " translations made from older English: "
                              + String.join(", ", st)));
          for (Finding f : p.verdict().errors()) {
            out.println("      " + f);
          }
          out.flush();
        });
    if (!ready.isEmpty()) {
      publisher.publish(ready);
    }
    return rows;
  }

  private static String status(Publication p) {
    String time = String.format(Locale.ROOT, "%5d ms", p.timings().total().toMillis());
    if (p.publishable()) {
      return "ok      " + p.pdf().orElseThrow().pages() + " pages " + time;
    }
    return "FAILED  " + p.verdict().errors().size() + " errors " + time + " (not published)";
  }

  /** Turns "ua2" into a standard with a message that lists the choices. */
  static final class StandardConverter implements CommandLine.ITypeConverter<Layout.Standard> {
    @Override
    public Layout.Standard convert(String value) {
      try {
        return Layout.Standard.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** Turns "a5" into a page size with a message that lists the choices. */
  static final class PageSizeConverter implements CommandLine.ITypeConverter<Layout.PageSize> {
    @Override
    public Layout.PageSize convert(String value) {
      try {
        return Layout.PageSize.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
