package org.noticepublisher.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.noticepublisher.NoticeId;
import org.noticepublisher.Pipeline;
import org.noticepublisher.Publication;
import org.noticepublisher.assemble.Layout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: how long the matrix takes and each notice's latency, cold (first time in this process,
 * start-up costs included) and warm (after warm-up rounds), and peak heap. Writes nothing.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {
      "Measures assemble + render + validate per notice: the whole matrix cold in this process,",
      "then warm latency (median, p95) after warm-up rounds, and the peak heap. Writes no files."
    })
final class BenchCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ProjectOptions project;

  @Mixin NoticeSelection selection;

  @Option(names = "--warmup", defaultValue = "5", paramLabel = "N",
      description = "Warm-up rounds over the matrix before timing (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--runs", defaultValue = "5", paramLabel = "N",
      description = "Timed warm rounds over the matrix (default: ${DEFAULT-VALUE}).")
  int runs;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (warmup < 0 || runs < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "need --warmup >= 0, --runs >= 1");
    }
    long start = System.nanoTime();
    var opened = project.open(spec.commandLine().getErr());
    if (opened.isEmpty()) {
      return Main.FAILED;
    }
    Pipeline pipeline = opened.get();
    List<NoticeId> ids = selection.resolve(pipeline, spec.commandLine());
    double openMs = (System.nanoTime() - start) / 1e6;
    Map<NoticeId, Double> cold = new LinkedHashMap<>();
    boolean allPassed = true;
    long matrixStart = System.nanoTime();
    for (NoticeId id : ids) {
      Publication p = pipeline.produce(id, Layout.DEFAULT);
      allPassed &= p.publishable();
      cold.put(id, p.timings().total().toNanos() / 1e6);
      out.printf(Locale.ROOT, "cold  %-40s %8.0f ms%n", id, cold.get(id));
      out.flush();
    }
    double matrixMs = (System.nanoTime() - matrixStart) / 1e6;
    for (int round = 0; round < warmup; round++) {
      ids.forEach(id -> pipeline.produce(id, Layout.DEFAULT));
      out.printf(Locale.ROOT, "warm-up round %d/%d done%n", round + 1, warmup);
      out.flush();
    }
    Map<NoticeId, double[]> warm = new LinkedHashMap<>();
    Map<NoticeId, double[]> stages = new LinkedHashMap<>();
    ids.forEach(id -> {
      warm.put(id, new double[runs]);
      stages.put(id, new double[3]);
    });
    for (int r = 0; r < runs; r++) {
      for (NoticeId id : ids) {
        Publication p = pipeline.produce(id, Layout.DEFAULT);
        warm.get(id)[r] = p.timings().total().toNanos() / 1e6;
        stages.get(id)[0] += p.timings().assemble().toNanos() / 1e6 / runs;
        stages.get(id)[1] += p.timings().render().toNanos() / 1e6 / runs;
        stages.get(id)[2] += p.timings().verify().toNanos() / 1e6 / runs;
      }
    }
    out.println();
    out.printf(Locale.ROOT, "%-40s %9s %9s %9s %9s %9s %9s%n", "notice", "cold ms", "warm p50",
        "warm p95", "assemble", "render", "verify");
    for (NoticeId id : ids) {
      double[] t = warm.get(id);
      Arrays.sort(t);
      double[] s = stages.get(id);
      out.printf(Locale.ROOT, "%-40s %9.0f %9.0f %9.0f %9.0f %9.0f %9.0f%n", id, cold.get(id),
          t[t.length / 2], t[Math.min(t.length - 1, (int) Math.ceil(t.length * 0.95) - 1)],
          s[0], s[1], s[2]);
    }
    out.println();
    out.printf(Locale.ROOT, "open pipeline (load sources, fonts):  %8.0f ms%n", openMs);
    out.printf(Locale.ROOT, "matrix, cold, one process (%d notices): %8.0f ms%n", ids.size(),
        matrixMs);
    out.printf(Locale.ROOT, "peak heap:                            %8.1f MiB%n", peakHeapMiB());
    out.printf(Locale.ROOT, "cpus: %d, java %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    if (!allPassed) {
      out.println("note: some notices failed verification; run `render` to see why");
    }
    return allPassed ? Main.OK : Main.FAILED;
  }

  private static double peakHeapMiB() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / (1024.0 * 1024.0);
  }
}
