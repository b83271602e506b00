package org.noticepublisher.server;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.noticepublisher.Finding;
import org.noticepublisher.NoticeId;
import org.noticepublisher.Pipeline;
import org.noticepublisher.Publication;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.publish.Publisher;

/**
 * Publications started from the web: one at a time, on their own thread, through the same pipeline
 * and {@link Publisher} as the CLI's render command. Only notices that pass verification are written;
 * the manifest is rewritten once at the end. A second publication while one runs is refused.
 */
final class PublishJobs implements AutoCloseable {
  enum State { RUNNING, DONE, FAILED }

  /**
   * One notice's outcome within a job.
   *
   * @param notice variant/locale
   * @param published whether it was written to the output folder
   * @param detail pages, or the first error
   */
  record Step(String notice, boolean published, String detail) {}

  private static final java.time.format.DateTimeFormatter STARTED = java.time.format
      .DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", java.util.Locale.UK)
      .withZone(java.time.ZoneOffset.UTC);

  /** A publication in progress or finished. */
  static final class Job {
    final int id;
    final String user;
    final Instant started = Instant.now();
    final List<NoticeId> notices;
    final List<Step> steps = Collections.synchronizedList(new ArrayList<>());
    volatile State state = State.RUNNING;
    volatile String message = "";

    Job(int id, String user, List<NoticeId> notices) {
      this.id = id;
      this.user = user;
      this.notices = List.copyOf(notices);
    }

    Map<String, Object> view() {
      List<Step> copy;
      synchronized (steps) {
        copy = List.copyOf(steps);
      }
      long published = copy.stream().filter(Step::published).count();
      return Views.map("id", id, "user", user, "started", STARTED.format(started),
          "state", state.name().toLowerCase(java.util.Locale.ROOT), "total", notices.size(),
          "done", copy.size(), "published", published, "failed", copy.size() - published,
          "message", message, "steps", copy.stream().map(s -> Views.map("notice", s.notice(),
              "published", s.published(), "detail", s.detail())).toList());
    }
  }

  /** Another publication is running. */
  static final class AlreadyRunning extends RuntimeException {
    final int job;

    AlreadyRunning(int job) {
      super("publication " + job + " is still running");
      this.job = job;
    }
  }

  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "publish");
    t.setDaemon(true);
    return t;
  });
  private final Map<Integer, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicReference<Job> running = new AtomicReference<>();
  private final Project project;
  private final Renders renders;
  private final SourceStore store;
  private final Publisher publisher;

  PublishJobs(Project project, Renders renders, SourceStore store, Publisher publisher) {
    this.project = project;
    this.renders = renders;
    this.store = store;
    this.publisher = publisher;
  }

  /** Starts publishing {@code notices}; refused while another publication runs. */
  synchronized Job start(Pipeline pipeline, List<NoticeId> notices, String user) {
    Job now = running.get();
    if (now != null && now.state == State.RUNNING) {
      throw new AlreadyRunning(now.id);
    }
    Job job = new Job(ids.incrementAndGet(), user, notices);
    jobs.put(job.id, job);
    running.set(job);
    thread.submit(() -> run(pipeline, job));
    return job;
  }

  Optional<Job> find(int id) {
    return Optional.ofNullable(jobs.get(id));
  }

  private void run(Pipeline pipeline, Job job) {
    try {
      store.acquire();
      try {
        List<Publication> published = new ArrayList<>();
        for (NoticeId id : job.notices) {
          Publication p = renders.getHere(pipeline, Models.key(pipeline, id, Layout.DEFAULT));
          if (p.publishable()) {
            publisher.publish(p);
            published.add(p);
            job.steps.add(new Step(id.toString(), true,
                p.pdf().orElseThrow().pages() + " pages"));
          } else {
            Finding first = p.verdict().errors().get(0);
            job.steps.add(new Step(id.toString(), false, project.relative(first).toString()));
          }
        }
        publisher.writeManifest(published);
        job.message = published.size() + " of " + job.notices.size() + " published";
        job.state = State.DONE;
      } finally {
        store.lock().unlock();
      }
    } catch (IOException | RuntimeException e) {
      job.message = "stopped: " + (e instanceof IOException ? "could not write the output folder"
          : e instanceof SourceStore.BusyException ? e.getMessage() : "an internal error");
      job.state = State.FAILED;
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
