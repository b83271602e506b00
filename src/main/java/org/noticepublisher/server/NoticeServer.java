package org.noticepublisher.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;
import org.noticepublisher.Json;
import org.noticepublisher.NoticeId;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.catalog.Bundle;
import org.noticepublisher.catalog.Catalog;
import org.noticepublisher.pipeline.Pipeline;
import org.noticepublisher.pipeline.Publication;

/**
 * The notice service: where the comms team sees and publishes notices, translators check and save
 * their bundles, and schools print. Pages are Thymeleaf templates over the same models the JSON
 * endpoints serve (see the README's "serve" section for the routes). Everything goes through the
 * one {@link Pipeline} the CLI uses; renders run on a bounded pool and are cached by the hash of
 * their sources; writes go through {@link SourceStore} (atomic, committed to git).
 */
public final class NoticeServer implements AutoCloseable {
  static final String CHILDREN = "children-and-young-people";
  private static final String USER = "np.user";
  private static final String SESSION = "np.session";
  private static final String HANDLED = "np.handled";

  private final ServerSettings settings;
  private final Optional<Users> users;
  private final Project project;
  private final Renders renders;
  private final Sessions sessions = new Sessions();
  private final SourceStore store;
  private final PublishJobs jobs;
  private final Pages pages = new Pages();
  private final Models models;
  private final PrintWriter log;
  private final Javalin app;

  private NoticeServer(ServerSettings settings, Optional<Users> users, PrintWriter log) {
    this.settings = settings;
    this.users = users;
    this.log = log;
    this.project = new Project(settings.project());
    this.renders =
        new Renders(settings.renderThreads(), settings.queue(), settings.renderTimeout());
    this.store = new SourceStore(settings.project());
    this.jobs = new PublishJobs(renders, store, project, settings.output(), log);
    this.models = new Models(project, renders, store, settings.output());
    this.app = Javalin.create(this::configure);
  }

  /**
   * Starts the service.
   *
   * @throws IllegalStateException if asked to listen beyond loopback without a users file
   * @throws IOException if the users file cannot be read
   */
  public static NoticeServer start(ServerSettings settings, PrintWriter log) throws IOException {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(log, "log");
    if (settings.users().isEmpty() && !settings.loopbackOnly()) {
      throw new IllegalStateException(
          "refusing to listen on "
              + settings.host()
              + " without --users: without sign-in the service is read-only and only for this machine."
              + " Create a users file with 'users add' and pass --users FILE, or use --host 127.0.0.1");
    }
    Optional<Users> users =
        settings.users().isPresent()
            ? Optional.of(Users.load(settings.users().get()))
            : Optional.empty();
    NoticeServer server = new NoticeServer(settings, users, log);
    server.app.start(settings.host(), settings.port());
    for (Connector c : server.app.jettyServer().server().getConnectors()) {
      if (c instanceof ServerConnector sc) {
        // A client that stops sending or reading is dropped, so it cannot hold a thread for long.
        sc.setIdleTimeout(30_000);
      }
    }
    return server;
  }

  public int port() {
    return app.port();
  }

  /** Whether anyone may change anything (a users file was given). */
  public boolean readOnly() {
    return users.isEmpty();
  }

  /** The render pool, for the service's own tests of its failure paths. */
  Renders renders() {
    return renders;
  }

  @Override
  public void close() {
    app.stop();
    jobs.close();
    renders.close();
    project.close();
  }

  private long maxRequestBytes() {
    return settings.maxUploadBytes() + 64 * 1024L;
  }

  /**
   * Reads and drops an upload refused for its size, up to four times the limit, before the refusal
   * is sent: a server that answers while the browser is still sending closes the connection under
   * it, and the browser shows a reset instead of the page saying what is wrong. Anything larger is
   * cut off.
   */
  private void discardBody(Context ctx) {
    try (InputStream in = ctx.req().getInputStream()) {
      in.skipNBytes(Math.min(ctx.contentLength(), 4 * maxRequestBytes()));
    } catch (IOException e) {
      // The client stopped sending: the refusal goes out all the same, if it still can.
    }
  }

  private void configure(JavalinConfig config) {
    config.http.maxRequestSize = maxRequestBytes();
    config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), SizeUnit.BYTES);
    config.jetty.multipartConfig.maxTotalRequestSize(
        settings.maxUploadBytes() + 64 * 1024L, SizeUnit.BYTES);
    config.jetty.multipartConfig.maxInMemoryFileSize(settings.maxUploadBytes(), SizeUnit.BYTES);
    config.staticFiles.add(
        s -> {
          s.hostedPath = "/static";
          s.directory = "/org/noticepublisher/server/static";
          s.location = Location.CLASSPATH;
        });
    config.requestLogger.http(
        (ctx, ms) -> {
          synchronized (log) {
            log.printf(
                Locale.ROOT,
                "%s %s %d %.0f ms%n",
                ctx.method(),
                ctx.path(),
                ctx.status().getCode(),
                ms);
            log.flush();
          }
        });
    var r = config.routes;
    r.before(this::identify);
    page(r, "/health", this::health);
    page(r, "/", ctx -> show(ctx, "dashboard", models.dashboard(pipeline(), user(ctx))));
    page(r, "/api/dashboard", ctx -> json(ctx, models.dashboard(pipeline(), user(ctx))));
    page(r, "/notices/{variant}/{name}", this::notice);
    page(
        r,
        "/api/notices/{variant}/{locale}",
        ctx ->
            json(
                ctx,
                models.notice(pipeline(), noticeId(ctx, ctx.pathParam("locale")), layout(ctx))));
    page(r, "/output/<path>", this::published);
    page(
        r,
        "/translate",
        ctx -> show(ctx, "translate-index", models.translateIndex(pipeline(), user(ctx))));
    page(
        r,
        "/translate/{locale}",
        ctx ->
            show(
                ctx,
                "translate",
                models.workspace(pipeline(), editableLocale(ctx, false), user(ctx))));
    r.post("/translate/{locale}/check", this::check);
    r.post("/api/translate/{locale}/check", this::checkJson);
    r.post("/translate/{locale}/save", this::save);
    r.post("/translate/{locale}/review", this::review);
    page(r, "/publish", ctx -> show(ctx, "publish", models.publishForm(pipeline(), user(ctx))));
    r.post("/publish", this::publish);
    r.post("/check", this::checkAll);
    page(r, "/publish/jobs/{id}", ctx -> show(ctx, "job", job(ctx)));
    page(r, "/api/publish/jobs/{id}", ctx -> json(ctx, job(ctx)));
    page(r, "/print", ctx -> show(ctx, "print", models.printForm(pipeline())));
    page(r, "/print/download", this::print);
    page(
        r,
        "/signin",
        ctx -> show(ctx, "signin", new SignIn(safeNext(ctx.queryParam("next")), false, false)));
    r.post("/signin", this::signIn);
    r.post("/signout", this::signOut);

    r.exception(PageException.class, (e, ctx) -> error(ctx, e.status, e.getMessage(), List.of()));
    r.exception(
        Renders.Busy.class,
        (e, ctx) -> {
          ctx.header("Retry-After", "5");
          error(
              ctx,
              503,
              "The service is busy rendering other notices. Try again in a few seconds.",
              List.of());
        });
    r.exception(
        SourceStore.BusyException.class,
        (e, ctx) -> {
          ctx.header("Retry-After", "10");
          error(ctx, 409, e.getMessage(), List.of());
        });
    r.exception(
        PublishJobs.AlreadyRunning.class,
        (e, ctx) ->
            error(
                ctx,
                409,
                "Job "
                    + e.job
                    + " (a check or publication) is still running; wait for it to finish (see "
                    + "/publish/jobs/"
                    + e.job
                    + ").",
                List.of()));
    r.exception(
        Project.SourcesBrokenException.class,
        (e, ctx) ->
            error(
                ctx,
                500,
                "The notice sources have problems; fix them and reload.",
                e.findings().stream().map(FindingView::of).toList()));
    r.exception(
        Exception.class,
        (e, ctx) -> {
          synchronized (log) {
            log.println("internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
            e.printStackTrace(log);
            log.flush();
          }
          error(
              ctx,
              500,
              "Something went wrong on our side. The details are in the service's log.",
              List.of());
        });
    r.error(
        404,
        ctx -> {
          if (ctx.attribute(HANDLED) == null) {
            error(ctx, 404, "There is no page at this address.", List.of());
          }
        });
  }

  /** GET and HEAD alike: HEAD answers with the GET's status and headers and no body. */
  private static void page(io.javalin.config.RoutesConfig r, String path, Handler handler) {
    r.get(path, handler);
    r.head(path, handler);
  }

  // --- who is asking ---

  private void identify(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header(
        "Content-Security-Policy",
        "default-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; frame-ancestors 'self'; form-action 'self'; base-uri 'none'");
    Sessions.Session session = sessions.find(ctx.cookie(Sessions.COOKIE)).orElse(null);
    String path = ctx.path();
    boolean open = path.equals("/health") || path.startsWith("/static/") || path.equals("/signin");
    if (session == null
        && (users.isPresent() && open
            || ctx.method() == HandlerType.POST && path.equals("/signin"))) {
      session = newSession(ctx, Optional.empty());
    }
    ctx.attribute(SESSION, session);
    Optional<User> user =
        readOnly()
            ? Optional.of(new User("guest", Role.VIEWER, List.of(), ""))
            : session == null ? Optional.empty() : session.user();
    user.ifPresent(u -> ctx.attribute(USER, u));
    if (ctx.method() == HandlerType.POST) {
      if (ctx.contentLength() > maxRequestBytes()) {
        discardBody(ctx);
        throw new PageException(
            413,
            "The upload is too large: at most "
                + settings.maxUploadBytes() / 1024
                + " kB are accepted.");
      }
      if (readOnly()) {
        throw new PageException(
            403,
            "This service is read-only: it was started without a users "
                + "file, so nobody can sign in or change anything.");
      }
      String submitted = ctx.header("X-CSRF-Token");
      if (submitted == null) {
        submitted = ctx.formParam("csrf");
      }
      if (session == null || !Sessions.sameToken(session.csrf(), submitted)) {
        throw new PageException(
            403,
            "This form has expired or did not come from this service. "
                + "Go back, reload the page and send it again.");
      }
    }
    if (!open && user.isEmpty()) {
      if (ctx.method() == HandlerType.GET && !path.startsWith("/api/")) {
        ctx.redirect("/signin?next=" + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8));
        ctx.skipRemainingHandlers();
        return;
      }
      throw new PageException(401, "Sign in first.");
    }
  }

  private Sessions.Session newSession(Context ctx, Optional<User> user) {
    Sessions.Session s = sessions.create(user);
    boolean tls =
        "https".equalsIgnoreCase(ctx.scheme())
            || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    ctx.cookie(new Cookie(Sessions.COOKIE, s.token(), "/", -1, tls, true, null, SameSite.STRICT));
    return s;
  }

  private static Optional<User> user(Context ctx) {
    return Optional.ofNullable(ctx.attribute(USER));
  }

  private static User signedIn(Context ctx) {
    return user(ctx).orElseThrow(() -> new PageException(401, "Sign in first."));
  }

  private void signIn(Context ctx) {
    String name = Objects.requireNonNullElse(ctx.formParam("name"), "").strip();
    String next = safeNext(ctx.formParam("next"));
    if (sessions.tooManyFailures(name, ctx.ip())) {
      ctx.status(429);
      ctx.header("Retry-After", "900");
      show(ctx, "signin", new SignIn(next, true, true));
      return;
    }
    Optional<User> user = users.orElseThrow().authenticate(name, ctx.formParam("password"));
    if (user.isEmpty()) {
      sessions.failed(name, ctx.ip());
      ctx.status(401);
      show(ctx, "signin", new SignIn(next, true, false));
      return;
    }
    sessions.succeeded(name);
    Sessions.Session old = ctx.attribute(SESSION);
    if (old != null) {
      sessions.end(old.token());
    }
    newSession(ctx, user);
    ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void signOut(Context ctx) {
    Sessions.Session s = ctx.attribute(SESSION);
    if (s != null) {
      sessions.end(s.token());
    }
    ctx.removeCookie(Sessions.COOKIE, "/");
    ctx.redirect("/signin", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** Only paths of this service: no scheme, no host, no "//" (which browsers read as a host). */
  static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.contains("\\")
        || next.chars().anyMatch(c -> c < 0x20)) {
      return "/";
    }
    return next;
  }

  // --- pages ---

  private Pipeline pipeline() {
    return project.snapshot().require();
  }

  private void health(Context ctx) {
    Project.Snapshot s = project.snapshot();
    json(
        ctx,
        new Health(
            s.pipeline().isPresent() ? "ok" : "sources-broken",
            readOnly(),
            store.versioned(),
            new Health.Renders(
                settings.renderThreads(),
                renders.active(),
                renders.queued(),
                settings.queue(),
                renders.mostAtOnce(),
                renders.cachedCount(),
                renders.rendered())));
  }

  private void notice(Context ctx) {
    String name = ctx.pathParam("name");
    int dot = name.lastIndexOf('.');
    String locale = dot < 0 ? name : name.substring(0, dot);
    String type = dot < 0 ? "" : name.substring(dot + 1);
    NoticeId id = noticeId(ctx, locale);
    Layout layout = layout(ctx);
    switch (type) {
      case "" -> show(ctx, "notice", models.notice(pipeline(), id, layout));
      case "json" -> json(ctx, models.notice(pipeline(), id, layout));
      case "pdf", "html" -> {
        Publication p = models.produce(pipeline(), id, layout);
        if (!p.publishable()) {
          error(
              ctx,
              422,
              id + " does not pass verification, so it is not served.",
              p.verdict().errors().stream().map(project::relative).map(FindingView::of).toList());
          return;
        }
        if (type.equals("pdf")) {
          String file = id.fileStem() + layout.fileSuffix() + ".pdf"; // as published
          ctx.header(
              "Content-Disposition",
              (ctx.queryParam("download") != null ? "attachment" : "inline")
                  + "; filename=\""
                  + file
                  + "\"");
          ctx.contentType("application/pdf").result(p.pdf().orElseThrow().bytes());
        } else {
          ctx.contentType("text/html; charset=utf-8").result(p.notice().orElseThrow().html());
        }
      }
      default -> throw new PageException(404, "There is no page at this address.");
    }
  }

  private NoticeId noticeId(Context ctx, String locale) {
    try {
      return pipeline().matrix(List.of(ctx.pathParam("variant")), List.of(locale)).get(0);
    } catch (IllegalArgumentException e) {
      throw new PageException(404, "No such notice: " + e.getMessage());
    }
  }

  /** {@code ?layout=a5} for the paper, {@code ?standard=ua2} for PDF/UA-2 + WTPDF + PDF/A-4. */
  static Layout layout(Context ctx) {
    String text = Objects.requireNonNullElse(ctx.queryParam("layout"), "a4");
    Layout layout = parseLayout(text);
    String standard = ctx.queryParam("standard");
    if (standard == null) {
      return layout;
    }
    try {
      return layout.withStandard(Layout.Standard.parse(standard));
    } catch (IllegalArgumentException e) {
      throw new PageException(400, "Unknown standard '" + standard + "': choose ua1 or ua2.");
    }
  }

  static Layout parseLayout(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    boolean large = t.endsWith("-large-print") || t.equals("large-print");
    String size = t.equals("large-print") ? "a4" : t.replace("-large-print", "");
    try {
      return new Layout(Layout.PageSize.parse(size), large);
    } catch (IllegalArgumentException e) {
      throw new PageException(
          400, "Unknown layout '" + text + "': choose a4, a5, letter or a4-large-print.");
    }
  }

  private void published(Context ctx) {
    Path output = settings.output();
    Path file = output.resolve(ctx.pathParam("path")).normalize();
    if (!file.startsWith(output) || !Files.isRegularFile(file)) {
      throw new PageException(404, "Nothing is published at this address.");
    }
    String name = file.getFileName().toString();
    String type =
        name.endsWith(".pdf")
            ? "application/pdf"
            : name.endsWith(".html")
                ? "text/html; charset=utf-8"
                : name.endsWith(".json")
                    ? "application/json; charset=utf-8"
                    : "application/octet-stream";
    try {
      ctx.contentType(type).result(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- translators ---

  /**
   * The locale in the path, if it is a real bundle (not generated); with {@code edit}, the user's.
   */
  private String editableLocale(Context ctx, boolean edit) {
    String locale = ctx.pathParam("locale");
    Pipeline pipeline = pipeline();
    Optional<Bundle> bundle = pipeline.catalog().bundle(locale);
    if (bundle.isEmpty() || bundle.get().generated()) {
      throw new PageException(
          404,
          "No translatable locale '" + locale + "'; pseudo-locales are " + "generated from en-GB.");
    }
    if (edit && !signedIn(ctx).mayEdit(locale)) {
      throw new PageException(
          403,
          "You may not change the "
              + locale
              + " bundle; ask an editor "
              + "to add it to your locales.");
    }
    return locale;
  }

  private BundleCheck.Result checkUpload(Context ctx, String locale) {
    byte[] bytes;
    UploadedFile file = ctx.uploadedFile("bundle");
    if (file != null && file.size() > 0) {
      try (var in = file.content()) {
        bytes = in.readNBytes(settings.maxUploadBytes() + 1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      String text = ctx.formParam("text");
      if (text == null) {
        text = ctx.body();
      }
      bytes = text.getBytes(StandardCharsets.UTF_8);
    }
    if (XliffUpload.looksLikeXliff(bytes)) {
      return XliffUpload.check(
          pipeline(), settings.project(), locale, bytes, settings.maxUploadBytes());
    }
    return BundleCheck.check(
        pipeline(), settings.project(), locale, bytes, settings.maxUploadBytes());
  }

  private void check(Context ctx) {
    String locale = editableLocale(ctx, true);
    BundleCheck.Result result = checkUpload(ctx, locale);
    if (!result.saveable()) {
      ctx.status(422);
    }
    show(ctx, "translate", models.workspace(pipeline(), locale, user(ctx)).checked(result));
  }

  private void checkJson(Context ctx) {
    String locale = editableLocale(ctx, true);
    BundleCheck.Result result = checkUpload(ctx, locale);
    if (!result.saveable()) {
      ctx.status(422);
    }
    json(ctx, CheckedBundle.of(result));
  }

  private void save(Context ctx) throws IOException {
    String locale = editableLocale(ctx, true);
    BundleCheck.Result result = checkUpload(ctx, locale);
    if (!result.saveable()) {
      ctx.status(422);
      show(
          ctx,
          "translate",
          models
              .workspace(pipeline(), locale, user(ctx))
              .checked(result)
              .withMessage("Not saved: fix the errors below first."));
      return;
    }
    SourceStore.Saved saved =
        store.saveDraft(
            locale,
            result.text(),
            signedIn(ctx),
            result.accepted(),
            Optional.of(pipeline().catalog().source()));
    redirectWith(ctx, "/translate/" + locale, "Draft " + saved.note() + ".");
  }

  private void review(Context ctx) throws IOException {
    String locale = editableLocale(ctx, false);
    if (!signedIn(ctx).isEditor()) {
      throw new PageException(403, "Only editors may mark a locale reviewed.");
    }
    SourceStore.Saved saved = store.markReviewed(locale, signedIn(ctx));
    redirectWith(ctx, "/translate/" + locale, locale + " marked reviewed: " + saved.note() + ".");
  }

  // --- editors ---

  private void publish(Context ctx) {
    User user = signedIn(ctx);
    if (!user.isEditor()) {
      throw new PageException(403, "Only editors may publish.");
    }
    Pipeline pipeline = pipeline();
    List<NoticeId> ids = new ArrayList<>();
    if (ctx.formParam("all") != null) {
      ids.addAll(pipeline.matrix(List.of(), List.of()));
    } else {
      for (String n : ctx.formParams("notice")) {
        int slash = n.indexOf('/');
        if (slash < 0) {
          throw new PageException(400, "Not a notice: " + n);
        }
        try {
          ids.addAll(
              pipeline.matrix(List.of(n.substring(0, slash)), List.of(n.substring(slash + 1))));
        } catch (IllegalArgumentException e) {
          throw new PageException(400, e.getMessage());
        }
      }
    }
    if (ids.isEmpty()) {
      throw new PageException(400, "Choose at least one notice, or publish all.");
    }
    PublishJobs.Job job = jobs.start(ids, user.name(), true);
    ctx.redirect("/publish/jobs/" + job.id, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** Verifies every notice in the background, so the dashboard shows each one's state. */
  private void checkAll(Context ctx) {
    User user = signedIn(ctx);
    if (!user.isEditor()) {
      throw new PageException(403, "Only editors may start a check of every notice.");
    }
    Pipeline pipeline = pipeline();
    PublishJobs.Job job = jobs.start(pipeline.matrix(List.of(), List.of()), user.name(), false);
    ctx.redirect("/publish/jobs/" + job.id, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private PublishJobs.Report job(Context ctx) {
    int id;
    try {
      id = Integer.parseInt(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new PageException(404, "No such publication.");
    }
    return jobs.find(id).orElseThrow(() -> new PageException(404, "No such publication.")).report();
  }

  // --- schools ---

  private void print(Context ctx) throws IOException {
    Pipeline pipeline = pipeline();
    Layout layout = layout(ctx);
    Set<String> locales = new LinkedHashSet<>(ctx.queryParams("locale"));
    if (locales.isEmpty()) {
      throw new PageException(400, "Choose at least one language.");
    }
    if (locales.size() > 12) {
      throw new PageException(400, "Choose at most 12 languages at once.");
    }
    List<Publication> made = new ArrayList<>();
    for (String locale : locales) {
      NoticeId id;
      try {
        id = pipeline.matrix(List.of(CHILDREN), List.of(locale)).get(0);
      } catch (IllegalArgumentException e) {
        throw new PageException(400, e.getMessage());
      }
      Publication p = models.produce(pipeline, id, layout);
      if (!p.publishable()) {
        error(
            ctx,
            422,
            id
                + " ("
                + layout.label()
                + ") does not pass verification, so it cannot "
                + "be printed.",
            p.verdict().errors().stream().map(project::relative).map(FindingView::of).toList());
        return;
      }
      made.add(p);
    }
    if (made.size() == 1) {
      Publication p = made.get(0);
      ctx.header(
          "Content-Disposition",
          "attachment; filename=\"" + p.id().fileStem() + "." + layout.label() + ".pdf\"");
      ctx.contentType("application/pdf").result(p.pdf().orElseThrow().bytes());
      return;
    }
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      for (Publication p : made) {
        out.putNextEntry(new ZipEntry(p.id().fileStem() + "." + layout.label() + ".pdf"));
        out.write(p.pdf().orElseThrow().bytes());
        out.closeEntry();
      }
    }
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"" + CHILDREN + "." + layout.label() + ".zip\"");
    ctx.contentType("application/zip").result(zip.toByteArray());
  }

  // --- answers ---

  private void show(Context ctx, String template, Record model) {
    Sessions.Session s = ctx.attribute(SESSION);
    Frame frame =
        new Frame(
            user(ctx)
                .filter(u -> !readOnly())
                .map(u -> new Frame.Visitor(u.name(), u.role().label(), u.isEditor()))
                .orElse(null),
            s == null ? "" : s.csrf(),
            readOnly(),
            ctx.path(),
            ctx.queryParam("done"));
    ctx.contentType("text/html; charset=utf-8").result(pages.render(template, frame, model));
  }

  private void json(Context ctx, Record model) {
    ctx.contentType("application/json; charset=utf-8").result(Json.write(model));
  }

  private void error(
      Context ctx, int status, @Nullable String message, List<FindingView> findings) {
    ctx.attribute(HANDLED, true);
    ctx.status(status);
    boolean json =
        ctx.path().startsWith("/api/")
            || ctx.path().equals("/health")
            || Objects.requireNonNullElse(ctx.header("Accept"), "").startsWith("application/json");
    ErrorReport model = new ErrorReport(status, message, findings);
    if (json) {
      json(ctx, model);
    } else {
      show(ctx, "error", model);
    }
  }

  private static void redirectWith(Context ctx, String path, String message) {
    ctx.redirect(
        path + "?done=" + java.net.URLEncoder.encode(message, StandardCharsets.UTF_8),
        io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** A refusal that is the user's to fix: a status and a sentence for people. */
  static final class PageException extends RuntimeException {
    final int status;

    PageException(int status, @Nullable String message) {
      super(message);
      this.status = status;
    }
  }

  /** The native name of a language ("polski", "العربية"), for lists of locales. */
  static String nativeName(String tag) {
    if (Catalog.isPseudoLocale(tag)) {
      return tag.equals(Catalog.PSEUDO_KEYS)
          ? "Message keys (pseudo-locale)"
          : tag.equals(Catalog.PSEUDO_RIGHT_TO_LEFT)
              ? "Right-to-left pseudo-locale"
              : "English (pseudo-locale, accented)";
    }
    com.ibm.icu.util.ULocale l = com.ibm.icu.util.ULocale.forLanguageTag(tag);
    String name = l.getDisplayName(l);
    return name.isEmpty()
        ? tag
        : name.substring(0, 1).toUpperCase(l.toLocale()) + name.substring(1);
  }
}
