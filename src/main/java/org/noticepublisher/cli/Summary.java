package org.noticepublisher.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.noticepublisher.Publication;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.publish.Publisher;

/** The table printed at the end of a render: one row per notice. */
final class Summary {
  private Summary() {}

  static void print(PrintWriter out, List<Publication> done, Publisher publisher) {
    out.println();
    out.printf(Locale.ROOT, "%-28s %-8s %-18s %5s %8s %7s  %s%n",
        "variant", "locale", "layout", "pages", "KiB", "ms", "result");
    for (Publication p : done) {
      out.printf(Locale.ROOT, "%-28s %-8s %-18s %5s %8s %7d  %s%n",
          p.id().variant(), p.id().locale(), p.layout().label()
              + (p.layout().standard() == Layout.Standard.UA1 ? ""
                  : " " + p.layout().standard().id()),
          p.pdf().map(pdf -> String.valueOf(pdf.pages())).orElse("-"),
          p.pdf().map(pdf -> String.valueOf(pdf.bytes().length / 1024)).orElse("-"),
          p.timings().total().toMillis(),
          p.publishable() ? "published" : "FAILED (" + p.verdict().errors().size() + " errors)");
    }
    long ok = done.stream().filter(Publication::publishable).count();
    out.printf(Locale.ROOT, "%n%d of %d notices published to %s%n", ok, done.size(),
        publisher.output().toAbsolutePath().normalize());
  }
}
