package org.noticepublisher.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticepublisher.Finding;
import org.noticepublisher.verify.PdfValidator;

/**
 * A bounded load test on loopback: concurrent dashboard, preview, report and download requests,
 * first with nothing cached (renders queue; past the pool and its queue the service answers 503
 * with Retry-After, which clients honour), then cached. Asserts no errors but those deliberate
 * 503s, every PDF served with 200 is valid (veraPDF, and the same bytes for the same notice), and
 * the heap comes back near its baseline. Latencies go to target/load-report.txt; nothing asserts on
 * time.
 */
class LoadTest {
  private static final List<String> NOTICES =
      List.of(
          "standard/en-GB",
          "standard/pl",
          "standard/uk",
          "children-and-young-people/en-GB",
          "children-and-young-people/ro",
          "consultation/en-GB");
  private static final int CLIENTS = 6;
  private static final int CACHED_REQUESTS = 240;

  private final List<Long> uncached = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> cached = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, List<Long>> cachedByKind = new ConcurrentHashMap<>();
  private final AtomicInteger busy = new AtomicInteger();
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> pdfs = new ConcurrentHashMap<>();
  private final Map<String, byte[]> firstPdf = new ConcurrentHashMap<>();

  @Test
  void concurrentRequestsColdAndCached(@TempDir Path temp) throws Exception {
    try (Service service =
        Service.start(temp, false, Runtime.getRuntime().availableProcessors(), 2)) {
      WebClient warm = service.signedIn("vera");
      warm.get("/api/dashboard");
      // The first render of a JVM also starts veraPDF; measured apart, so "uncached" is a render.
      List<Long> first = new ArrayList<>();
      timed(warm, "/notices/consultation/pl.pdf", first);
      long before = heap();
      double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      long cpuBefore = processCpuNanos();

      // Cold: every client asks for a different notice at once, more than the pool and queue hold.
      run(
          service,
          CLIENTS,
          NOTICES.size(),
          (c, i) -> timed(c, "/notices/" + NOTICES.get(i) + ".pdf", uncached));
      long baseline = heap();

      // Cached: dashboard, HTML preview, report and PDF download, mixed, from every client.
      String[] kinds = {"/api/dashboard", "/", ".html", "report", ".pdf"};
      run(
          service,
          CLIENTS,
          CACHED_REQUESTS,
          (c, i) -> {
            String notice = NOTICES.get(i % NOTICES.size());
            String kind = kinds[i % kinds.length];
            String path =
                kind.startsWith("/")
                    ? kind
                    : kind.equals("report")
                        ? "/api/notices/" + notice
                        : "/notices/" + notice + kind;
            List<Long> byKind =
                cachedByKind.computeIfAbsent(
                    kind, k -> Collections.synchronizedList(new ArrayList<>()));
            long ms = timed(c, path, cached);
            if (ms >= 0) {
              byKind.add(ms);
            }
          });
      long after = heap();
      double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      long cpu = processCpuNanos() - cpuBefore;

      PdfValidator validator = PdfValidator.publishingStandards();
      for (Map.Entry<String, byte[]> e : firstPdf.entrySet()) {
        List<Finding> problems =
            validator.validate(e.getValue(), e.getKey()).stream().filter(Finding::isError).toList();
        assertEquals(List.of(), problems, e.getKey());
      }
      String report =
          String.format(
              Locale.ROOT,
              "load test on loopback, %d render threads, "
                  + "queue 2, %d clients%n"
                  + "first render in this JVM (veraPDF start-up included): %d ms%n"
                  + "uncached PDF (render + verify, queueing included): n=%d p50=%d ms p95=%d ms%n"
                  + "cached (dashboard, page, preview, report, PDF):     n=%d p50=%d ms p95=%d ms%n"
                  + "deliberate 503s (then retried): %d%n"
                  + "heap after GC: before %d MB, after cold round %d MB, after cached round %d MB%n"
                  + "load average (1 min) before %.2f, after %.2f; CPU of the test JVM in both rounds:"
                  + " %d ms%n",
              Runtime.getRuntime().availableProcessors(),
              CLIENTS,
              first.get(0),
              uncached.size(),
              pct(uncached, 50),
              pct(uncached, 95),
              cached.size(),
              pct(cached, 50),
              pct(cached, 95),
              busy.get(),
              before >> 20,
              baseline >> 20,
              after >> 20,
              loadBefore,
              loadAfter,
              cpu / 1_000_000);
      StringBuilder kindsReport = new StringBuilder();
      new java.util.TreeMap<>(cachedByKind)
          .forEach(
              (k, v) ->
                  kindsReport.append(
                      String.format(
                          Locale.ROOT,
                          "  cached %-15s n=%d p50=%d ms p95=%d ms%n",
                          k,
                          v.size(),
                          pct(v, 50),
                          pct(v, 95))));
      report += kindsReport;
      Files.createDirectories(Paths.get("target"));
      Files.writeString(Paths.get("target", "load-report.txt"), report);
      System.out.print(report);
      assertEquals(List.of(), errors, "no errors but deliberate 503s");
      assertEquals(NOTICES.size(), uncached.size());
      assertEquals(CACHED_REQUESTS, cached.size());
      assertEquals(NOTICES.size() + 1, firstPdf.size(), "every notice's PDF was served");
      assertTrue(
          after <= baseline + (32L << 20),
          "heap grew from "
              + (baseline >> 20)
              + " MB to "
              + (after >> 20)
              + " MB after the cached round");
    }
  }

  private interface Request {
    void send(WebClient client, int index) throws Exception;
  }

  /** {@code count} requests spread over {@code clients} signed-in clients; bounded in time. */
  private void run(Service service, int clients, int count, Request request) throws Exception {
    List<WebClient> people = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      people.add(service.signedIn("vera"));
    }
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < clients; t++) {
        WebClient client = people.get(t);
        done.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    request.send(client, i);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** One request, retried after Retry-After while busy; 200 expected; its time, or -1. */
  private long timed(WebClient client, String path, List<Long> into) throws Exception {
    for (int attempt = 0; attempt < 120; attempt++) {
      long start = System.nanoTime();
      HttpResponse<byte[]> r = client.get(path);
      long ms = (System.nanoTime() - start) / 1_000_000;
      if (r.statusCode() == 503) {
        busy.incrementAndGet();
        if (r.headers().firstValue("Retry-After").isEmpty()) {
          errors.add(path + ": 503 without Retry-After");
        }
        Thread.sleep(500);
        continue;
      }
      if (r.statusCode() != 200) {
        errors.add(path + ": " + r.statusCode());
        return -1;
      }
      into.add(ms);
      if (path.endsWith(".pdf")) {
        checkPdf(path, r.body());
      }
      return ms;
    }
    errors.add(path + ": still busy after 120 attempts");
    return -1;
  }

  private void checkPdf(String path, byte[] bytes) {
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      if (doc.getNumberOfPages() < 1) {
        errors.add(path + ": PDF without pages");
      }
    } catch (Exception e) {
      errors.add(path + ": not a PDF: " + e.getMessage());
      return;
    }
    String hash = org.noticepublisher.Sha256.hex(bytes);
    firstPdf.putIfAbsent(path, bytes);
    String earlier = pdfs.putIfAbsent(path, hash);
    if (earlier != null && !earlier.equals(hash)) {
      errors.add(path + ": different bytes for the same sources");
    }
  }

  private static long pct(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return -1;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  /** CPU time of this JVM (all threads, client and server alike); -1 where the JDK cannot say. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  private static long heap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  static String ascii(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
