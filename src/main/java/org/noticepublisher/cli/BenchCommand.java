package org.noticepublisher.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.noticepublisher.FileTree;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.catalog.Catalog;
import org.noticepublisher.pipeline.Pipeline;
import org.noticepublisher.pipeline.Publication;
import org.noticepublisher.sources.NoticeSources;
import org.noticepublisher.verify.PdfValidator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: what a user waits for. Whole processes (a fresh JVM started with this one's
 * options, rendering into a temporary folder): one notice cold, the matrix cold, a re-render with
 * nothing changed, a re-render after one changed message; each with its peak resident memory. Then,
 * in this process, every notice's latency cold and warm (median, p95) and the peak heap.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures whole runs in fresh processes (one notice cold, the matrix cold, nothing changed,",
      "one message changed) and, in this process, each notice cold and warm (median, p95).",
      "Renders into a temporary folder it deletes; the project and output/ are left alone."
    })
final class BenchCommand implements Callable<Integer> {
  /** JVM options for the whole-process runs, when they should differ from this JVM's. */
  static final String RENDER_JVM = "noticepublisher.render.jvm";

  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin ProjectOptions project;

  @Mixin NoticeSelection selection;

  @Option(
      names = "--warmup",
      defaultValue = "5",
      paramLabel = "N",
      description = "Warm-up rounds over the matrix before timing (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--runs",
      defaultValue = "5",
      paramLabel = "N",
      description = "Timed warm rounds over the matrix (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--no-processes",
      description = "Skip the whole-process runs; measure only in this process.")
  boolean noProcesses;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (warmup < 0 || runs < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "need --warmup >= 0, --runs >= 1");
    }
    long start = System.nanoTime();
    String loadBefore = loadAverage();
    PdfValidator.prepareInBackground();
    var opened = project.open(spec.commandLine().getErr());
    if (opened.isEmpty()) {
      return Main.FAILED;
    }
    Pipeline pipeline = opened.get();
    List<NoticeId> ids = selection.resolve(pipeline, spec.commandLine());
    double openMs = (System.nanoTime() - start) / 1e6;
    boolean allPassed = true;
    if (!noProcesses) {
      allPassed = processes(out, pipeline, ids);
    }
    Map<NoticeId, Double> cold = new LinkedHashMap<>();
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
    ids.forEach(
        id -> {
          warm.put(id, new double[runs]);
          stages.put(id, new double[3]);
        });
    List<Double> all = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      for (NoticeId id : ids) {
        long cpuStart = processCpuNanos();
        Publication p = pipeline.produce(id, Layout.DEFAULT);
        if (cpuStart >= 0) {
          cpu.add((processCpuNanos() - cpuStart) / 1e6);
        }
        double ms = p.timings().total().toNanos() / 1e6;
        Objects.requireNonNull(warm.get(id), "warm")[r] = ms;
        all.add(ms);
        double[] s = Objects.requireNonNull(stages.get(id), "stages");
        s[0] += p.timings().assemble().toNanos() / 1e6 / runs;
        s[1] += p.timings().render().toNanos() / 1e6 / runs;
        s[2] += p.timings().verify().toNanos() / 1e6 / runs;
      }
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "%-40s %9s %9s %9s %9s %9s %9s%n",
        "notice",
        "cold ms",
        "warm p50",
        "warm p95",
        "assemble",
        "render",
        "verify");
    for (NoticeId id : ids) {
      double[] t = Objects.requireNonNull(warm.get(id), "warm");
      Arrays.sort(t);
      double[] s = Objects.requireNonNull(stages.get(id), "stages");
      out.printf(
          Locale.ROOT,
          "%-40s %9.0f %9.0f %9.0f %9.0f %9.0f %9.0f%n",
          id,
          cold.get(id),
          percentile(t, 0.5),
          percentile(t, 0.95),
          s[0],
          s[1],
          s[2]);
    }
    double[] every = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    out.println();
    out.println("In this process (one notice at a time; verify = veraPDF + text checks):");
    out.printf(Locale.ROOT, "  open pipeline (load sources, fonts):   %8.0f ms%n", openMs);
    out.printf(
        Locale.ROOT, "  matrix, first pass (%d notices):       %8.0f ms%n", ids.size(), matrixMs);
    out.printf(
        Locale.ROOT,
        "  warm, every notice: p50 %.0f ms, p95 %.0f ms (%d renders)%n",
        percentile(every, 0.5),
        percentile(every, 0.95),
        every.length);
    if (!cpu.isEmpty()) {
      // CPU time of the whole process while one notice is made (the thread that renders,
      // veraPDF's thread beside it, the collector): what a busy shared machine does not inflate.
      double[] cpus = cpu.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      out.printf(
          Locale.ROOT,
          "  warm, CPU time per notice: p50 %.0f ms, p95 %.0f ms%n",
          percentile(cpus, 0.5),
          percentile(cpus, 0.95));
    }
    out.printf(
        Locale.ROOT,
        "  peak heap: %.1f MiB of %.0f MiB allowed (-Xmx)%n",
        peakHeapMiB(),
        Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
    // Wall times on a shared machine mean little without how busy it was.
    out.printf(
        Locale.ROOT,
        "  load average (1, 5, 15 min): %s at the start, %s at the end%n",
        loadBefore,
        loadAverage());
    out.printf(
        Locale.ROOT,
        "  cpus: %d, java %s, options: %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        String.join(" ", jvmOptions()));
    if (!allPassed) {
      out.println("note: some notices failed verification; run `render` to see why");
    }
    return allPassed ? Main.OK : Main.FAILED;
  }

  /** The whole-process figures; false when a run failed. */
  private boolean processes(PrintWriter out, Pipeline pipeline, List<NoticeId> ids)
      throws IOException, InterruptedException {
    List<String> java = javaCommand();
    if (java.isEmpty()) {
      out.println(
          "Whole processes: not measured (this JVM was not started from a class path "
              + "holding the project, e.g. through Maven); run bench through bin/notice-publisher.");
      return true;
    }
    Path temp = Files.createTempDirectory("notice-bench");
    try {
      Path copy = temp.resolve("project");
      NoticeSources.copy(pipeline.project(), copy);
      Path output = temp.resolve("output");
      List<String> selected = new ArrayList<>();
      if (!selection.variants.isEmpty()) {
        selected.addAll(List.of("-v", String.join(",", selection.variants)));
      }
      if (!selection.locales.isEmpty()) {
        selected.addAll(List.of("-l", String.join(",", selection.locales)));
      }
      out.println(
          "Whole processes (a fresh JVM each: "
              + String.join(" ", java.subList(1, java.indexOf("-cp")))
              + "):");
      out.flush();
      NoticeId first = ids.get(0);
      boolean ok =
          run(
              out,
              java,
              copy,
              temp.resolve("one"),
              "cold, one notice (" + first + ")",
              List.of("-v", first.variant(), "-l", first.locale(), "--force"));
      List<String> matrix = new ArrayList<>(selected);
      matrix.add("--force");
      ok &= run(out, java, copy, output, "cold, matrix (" + ids.size() + " notices)", matrix);
      ok &= run(out, java, copy, output, "again, nothing changed", selected);
      String changed =
          ids.stream()
              .map(NoticeId::locale)
              .filter(l -> !Catalog.isEnglish(l) && !Catalog.isPseudoLocale(l))
              .findFirst()
              .orElse(Catalog.SOURCE_LOCALE);
      if (changeOneMessage(copy.resolve("locales").resolve(changed + ".properties"))) {
        ok &= run(out, java, copy, output, "again, one message changed in " + changed, selected);
      }
      out.println();
      return ok;
    } finally {
      FileTree.delete(temp);
    }
  }

  private boolean run(
      PrintWriter out, List<String> java, Path project, Path output, String what, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(java);
    command.addAll(
        List.of("render", "--project", project.toString(), "--output", output.toString()));
    command.addAll(args);
    Path log = Files.createTempFile("notice-bench", ".log");
    try {
      long start = System.nanoTime();
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      long peakKiB = 0;
      Duration cpu = Duration.ZERO;
      while (p.isAlive()) {
        peakKiB = Math.max(peakKiB, peakResidentKiB(p.pid()));
        cpu = p.info().totalCpuDuration().orElse(cpu);
        p.waitFor(20, TimeUnit.MILLISECONDS);
      }
      double ms = (System.nanoTime() - start) / 1e6;
      String printed = Files.readString(log);
      long rendered =
          printed
              .lines()
              .filter(l -> l.matches("\\[ *\\d+/\\d+\\] .*"))
              .filter(l -> !l.endsWith("unchanged"))
              .count();
      // CPU time as last seen (up to 20 ms short): on a busy shared machine it varies less than ms.
      out.printf(
          Locale.ROOT,
          "  %-44s %8.0f ms  CPU %6.1f s  %3d rendered  peak RSS %s" + "  load %s%n",
          what + ":",
          ms,
          cpu.toMillis() / 1000.0,
          rendered,
          peakKiB == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", peakKiB / 1024.0),
          loadAverage().split(" ")[0]);
      out.flush();
      if (p.exitValue() != 0) {
        out.println("    exit " + p.exitValue() + ":\n" + printed.indent(4));
        return false;
      }
      return true;
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** Changes the first plain message of a bundle, as a translator fixing a typo would. */
  private static boolean changeOneMessage(Path bundle) throws IOException {
    if (!Files.isRegularFile(bundle)) {
      return false;
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(bundle));
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.matches("[a-z][\\w.-]* *= *[^{}'\\\\]+") && !line.contains("status")) {
        lines.set(i, line + " (2)");
        Files.write(bundle, lines);
        return true;
      }
    }
    return false;
  }

  /**
   * {@code java} with this JVM's options (or those in the system property {@value #RENDER_JVM}: the
   * launcher's options for short runs) and class path; empty when the class path does not hold this
   * class (started by Maven, say).
   */
  private static List<String> javaCommand() {
    String classPath = System.getProperty("java.class.path", "");
    CodeSource code = BenchCommand.class.getProtectionDomain().getCodeSource();
    // Maven's exec:java gives no location: no class path a child JVM could be started with.
    String self =
        code == null || code.getLocation() == null
            ? null
            : Path.of(code.getLocation().getPath()).toString();
    if (self == null || !List.of(classPath.split(File.pathSeparator)).contains(self)) {
      return List.of();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String render = System.getProperty(RENDER_JVM, "").strip();
    command.addAll(render.isEmpty() ? jvmOptions() : List.of(render.split("\\s+")));
    command.addAll(List.of("-cp", classPath, Main.class.getName()));
    return command;
  }

  private static List<String> jvmOptions() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(
            a ->
                !a.startsWith("-XX:ArchiveClassesAtExit")
                    && !a.startsWith("-agentlib")
                    && !a.startsWith("-D" + RENDER_JVM)
                    && !a.startsWith("-XX:StartFlightRecording")
                    && !a.startsWith("-XX:DumpLoadedClassList"))
        .toList();
  }

  /** The system's load averages (Linux: /proc/loadavg), "n/a" where unknown. */
  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return parts.length >= 3 ? String.join(" ", parts[0], parts[1], parts[2]) : "n/a";
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  /** The peak resident set of a running process (Linux: VmHWM), 0 where unknown. */
  private static long peakResidentKiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // Gone already, or not Linux.
    }
    return 0;
  }

  /** CPU time of this whole process so far, or -1 where the JVM does not tell. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  private static double percentile(double[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(sorted.length * q) - 1))];
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
