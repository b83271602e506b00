package org.noticepublisher.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.pipeline.Publication;
import org.noticepublisher.publish.Publisher;

/** The table printed at the end of a render: one row per notice. */
final class Summary {
  private Summary() {}

  /**
   * One notice of the run: what was made of it, or nothing when its published files were current.
   */
  record Row(NoticeId id, Layout layout, Optional<Publication> made) {}

  static void print(PrintWriter out, List<Row> rows, Publisher publisher) {
    out.println();
    out.printf(
        Locale.ROOT,
        "%-28s %-8s %-18s %5s %8s %7s  %s%n",
        "variant",
        "locale",
        "layout",
        "pages",
        "KiB",
        "ms",
        "result");
    for (Row row : rows) {
      if (row.made().isEmpty()) {
        out.printf(
            Locale.ROOT,
            "%-28s %-8s %-18s %5s %8s %7s  %s%n",
            row.id().variant(),
            row.id().locale(),
            row.layout().label(),
            "-",
            "-",
            "-",
            "unchanged");
        continue;
      }
      Publication p = row.made().get();
      out.printf(
          Locale.ROOT,
          "%-28s %-8s %-18s %5s %8s %7d  %s%n",
          p.id().variant(),
          p.id().locale(),
          p.layout().label()
              + (p.layout().standard() == Layout.Standard.UA1
                  ? ""
                  : " " + p.layout().standard().id()),
          p.pdf().map(pdf -> String.valueOf(pdf.pages())).orElse("-"),
          p.pdf().map(pdf -> String.valueOf(pdf.bytes().length / 1024)).orElse("-"),
          p.timings().total().toMillis(),
          p.publishable() ? "published" : "FAILED (" + p.verdict().errors().size() + " errors)");
    }
    long made = rows.stream().filter(r -> r.made().isPresent()).count();
    long ok =
        rows.stream().filter(r -> r.made().map(Publication::publishable).orElse(false)).count();
    String where = publisher.output().toAbsolutePath().normalize().toString();
    if (made == 0) {
      out.printf(
          Locale.ROOT,
          "%nAll %d notices in %s are up to date: their sources are as when "
              + "they were published (--force renders them again)%n",
          rows.size(),
          where);
    } else if (made == rows.size()) {
      out.printf(Locale.ROOT, "%n%d of %d notices published to %s%n", ok, rows.size(), where);
    } else {
      out.printf(
          Locale.ROOT,
          "%n%d of %d notices published to %s; %d unchanged (their sources "
              + "are as when they were published; --force renders them again)%n",
          ok,
          made,
          where,
          rows.size() - made);
    }
  }
}
