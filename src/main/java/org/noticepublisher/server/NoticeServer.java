package org.noticepublisher.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.noticepublisher.Finding;
import org.noticepublisher.NoticeId;
import org.noticepublisher.Pipeline;
import org.noticepublisher.Publication;
import org.noticepublisher.assemble.Layout;

/**
 * The comms team's web front end, a thin layer over {@link Pipeline} like the CLI:
 * <ul>
 *   <li>{@code GET /}: every notice, with links to preview and report on it, and to what is published;
 *   <li>{@code GET /preview/<variant>/<locale>.pdf|.html}: rendered and verified now, from the sources
 *       as they are; a notice that fails verification is refused (422) with its findings, never served;
 *       {@code ?standard=ua2} makes and verifies PDF/UA-2 + WTPDF + PDF/A-4 instead of PDF/UA-1;
 *   <li>{@code GET /report/<variant>/<locale>.json}: the verdict, findings, pages, timings;
 *   <li>{@code GET /output/<path>}: download a published file (the output folder only).
 * </ul>
 * It serves what the pipeline makes and writes nothing.
 */
public final class NoticeServer implements AutoCloseable {
  private static final Pattern NOTICE =
      Pattern.compile("/(preview|report)/([a-z0-9-]+)/([A-Za-z0-9-]+)\\.(pdf|html|json)");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Pipeline pipeline;
  private final Path output;
  private final HttpServer server;
  private final ExecutorService workers;

  private NoticeServer(Pipeline pipeline, Path output, HttpServer server, int threads) {
    this.pipeline = pipeline;
    this.output = output.toAbsolutePath().normalize();
    this.server = server;
    this.workers = Executors.newFixedThreadPool(threads);
    server.setExecutor(workers);
    server.createContext("/", this::handle);
  }

  /** Starts serving on {@code address} (port 0 picks a free port). */
  public static NoticeServer start(Pipeline pipeline, Path output, InetSocketAddress address)
      throws IOException {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(output, "output");
    NoticeServer s = new NoticeServer(pipeline, output, HttpServer.create(address, 16),
        Runtime.getRuntime().availableProcessors());
    s.server.start();
    return s;
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        send(exchange, 405, "text/plain", "only GET is served\n");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      Matcher notice = NOTICE.matcher(path);
      if (path.equals("/")) {
        send(exchange, 200, "text/html", home());
      } else if (notice.matches()) {
        Layout layout;
        try {
          layout = layout(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
          send(exchange, 400, "text/plain", e.getMessage() + "\n");
          return;
        }
        notice(exchange, notice.group(1), notice.group(2), notice.group(3), notice.group(4),
            layout);
      } else if (path.startsWith("/output/")) {
        download(exchange, path.substring("/output/".length()));
      } else {
        send(exchange, 404, "text/plain", "no such page: " + path + "\n");
      }
    } catch (RuntimeException e) {
      send(exchange, 500, "text/plain", "internal error: " + e + "\n");
    }
  }

  /** {@code ?standard=ua2} chooses PDF/UA-2 + WTPDF + PDF/A-4; otherwise the default layout. */
  static Layout layout(String query) {
    Layout layout = Layout.DEFAULT;
    if (query == null || query.isEmpty()) {
      return layout;
    }
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals("standard") && kv.length == 2) {
        layout = layout.withStandard(Layout.Standard.parse(
            URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
      }
    }
    return layout;
  }

  private void notice(HttpExchange exchange, String what, String variant, String locale,
      String type, Layout layout) throws IOException {
    NoticeId id;
    try {
      id = pipeline.matrix(List.of(variant), List.of(locale)).get(0);
    } catch (IllegalArgumentException e) {
      send(exchange, 404, "text/plain", e.getMessage() + "\n");
      return;
    }
    Publication p = pipeline.produce(id, layout);
    if (what.equals("report") && type.equals("json")) {
      send(exchange, 200, "application/json", JSON.writeValueAsString(report(p)));
    } else if (!what.equals("preview") || type.equals("json")) {
      send(exchange, 404, "text/plain", "no such page\n");
    } else if (!p.publishable()) {
      StringBuilder why = new StringBuilder(id + " does not pass verification:\n");
      p.verdict().errors().forEach(f -> why.append("  ").append(f).append('\n'));
      send(exchange, 422, "text/plain", why.toString());
    } else if (type.equals("pdf")) {
      send(exchange, 200, "application/pdf", p.pdf().orElseThrow().bytes());
    } else {
      send(exchange, 200, "text/html", p.notice().orElseThrow().html());
    }
  }

  private static ObjectNode report(Publication p) {
    ObjectNode r = JSON.createObjectNode();
    r.put("notice", p.id().toString());
    r.put("publishable", p.publishable());
    r.put("standard", p.layout().standard().id());
    p.pdf().ifPresent(pdf -> r.put("pages", pdf.pages()).put("bytes", pdf.bytes().length));
    p.notice().ifPresent(n -> r.put("title", n.title()).put("draft", n.draft()));
    p.reading().ifPresent(f -> r.putObject("readability").put("readingEase", f.readingEase())
        .put("wordsPerSentence", f.wordsPerSentence()));
    ArrayNode checks = r.putArray("checks");
    p.verdict().checks().forEach(checks::add);
    ArrayNode findings = r.putArray("findings");
    for (Finding f : p.findings()) {
      findings.addObject().put("severity", f.severity().label()).put("source", f.source())
          .put("line", f.line()).put("code", f.code()).put("message", f.message())
          .put("fix", f.fix());
    }
    r.putObject("milliseconds").put("assemble", p.timings().assemble().toMillis())
        .put("render", p.timings().render().toMillis())
        .put("verify", p.timings().verify().toMillis());
    return r;
  }

  private void download(HttpExchange exchange, String relative) throws IOException {
    Path file = output.resolve(relative).normalize();
    if (!file.startsWith(output) || !Files.isRegularFile(file)) {
      send(exchange, 404, "text/plain", "not published: " + relative + "\n");
      return;
    }
    String name = file.getFileName().toString();
    String type = name.endsWith(".pdf") ? "application/pdf" : name.endsWith(".html")
        ? "text/html" : name.endsWith(".json") ? "application/json" : "application/octet-stream";
    send(exchange, 200, type, Files.readAllBytes(file));
  }

  private String home() {
    Document doc = Document.createShell("");
    doc.selectFirst("html").attr("lang", "en-GB");
    doc.head().appendElement("meta").attr("charset", "UTF-8");
    doc.title("Notice Publisher");
    doc.body().appendElement("h1").text("Notice Publisher");
    Element p = doc.body().appendElement("p");
    if (Files.isRegularFile(output.resolve("index.html"))) {
      p.appendText("Published notices: ");
      p.appendElement("a").attr("href", "/output/index.html").text("index");
      p.appendText(" (");
      p.appendElement("a").attr("href", "/output/manifest.json").text("manifest");
      p.appendText(").");
    } else {
      p.text("Nothing is published yet: run the render command.");
    }
    doc.body().appendElement("h2").text("Preview from the current sources");
    Element list = doc.body().appendElement("ul");
    for (NoticeId id : pipeline.matrix(List.of(), List.of())) {
      Element li = list.appendElement("li").text(id + ": ");
      String base = id.variant() + "/" + id.locale();
      li.appendElement("a").attr("href", "/preview/" + base + ".pdf").text("PDF");
      li.appendText(" · ");
      li.appendElement("a").attr("href", "/preview/" + base + ".pdf?standard=ua2")
          .text("PDF/UA-2");
      li.appendText(" · ");
      li.appendElement("a").attr("href", "/preview/" + base + ".html").text("HTML");
      li.appendText(" · ");
      li.appendElement("a").attr("href", "/report/" + base + ".json").text("report");
    }
    return "<!DOCTYPE html>\n" + doc.outerHtml();
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    send(exchange, status, type + (type.startsWith("text/") || type.endsWith("json")
        ? "; charset=utf-8" : ""), body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
