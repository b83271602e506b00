package org.noticepublisher.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
import org.noticepublisher.FindingsException;
import org.noticepublisher.NoticeId;
import org.noticepublisher.pipeline.Pipeline;
import org.noticepublisher.pipeline.Publication;
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.publish.OutputBusyException;
import org.noticepublisher.publish.OutputUnusableException;
import org.noticepublisher.publish.Publisher;

/**
 * Checks and publications started from the web: one at a time, on their own thread, through the same
 * pipeline and {@link Publisher} as the CLI's render command. A check only verifies (the results fill
 * the dashboard through the cache); a publication also writes the notices that pass, and only those,
 * then the manifest once. A second job while one runs is refused.
 */
final class PublishJobs implements AutoCloseable {
  enum State { RUNNING, DONE, FAILED }

  /**
   * One notice's outcome within a job.
   *
   * @param notice variant/locale
   * @param passed whether it passed verification (only those are written, all at the end)
   * @param detail pages, or the first error
   */
  record Step(String notice, boolean passed, String detail) {}

  private static final java.time.format.DateTimeFormatter STARTED = java.time.format
      .DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", java.util.Locale.UK)
      .withZone(java.time.ZoneOffset.UTC);

  /** A publication in progress or finished. */
  static final class Job {
    final int id;
    final String user;
    final Instant started = Instant.now();
    final List<NoticeId> notices;
    final boolean write;
    final List<Step> steps = Collections.synchronizedList(new ArrayList<>());
    volatile State state = State.RUNNING;
    volatile String message = "";
    /** What the publishing session reported about the output folder (files left out, …). */
    final List<String> notes = Collections.synchronizedList(new ArrayList<>());

    Job(int id, String user, List<NoticeId> notices, boolean write) {
      this.id = id;
      this.user = user;
      this.notices = List.copyOf(notices);
      this.write = write;
    }

    Map<String, Object> view() {
      List<Step> copy;
      synchronized (steps) {
        copy = List.copyOf(steps);
      }
      long passed = copy.stream().filter(Step::passed).count();
      long published = state == State.DONE ? passed : 0;
      return Views.map("id", id, "kind", write ? "publication" : "check", "user", user, "started", STARTED.format(started),
          "state", state.name().toLowerCase(java.util.Locale.ROOT), "total", notices.size(),
          "done", copy.size(), "published", published, "failed", copy.size() - passed,
          "message", message, "notes", List.copyOf(notes), "steps", copy.stream().map(s -> Views.map("notice", s.notice(),
              "passed", s.passed(), "detail", s.detail())).toList());
    }
  }

  /** Another job is running. */
  static final class AlreadyRunning extends RuntimeException {
    final int job;

    AlreadyRunning(int job) {
      super("job " + job + " is still running");
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
  private final Renders renders;
  private final SourceStore store;
  private final Path output;

  PublishJobs(Renders renders, SourceStore store, Path output) {
    this.renders = renders;
    this.store = store;
    this.output = output;
  }

  /**
   * Starts verifying {@code notices} and, with {@code write}, publishing those that pass; refused
   * while another job runs.
   */
  synchronized Job start(Pipeline pipeline, List<NoticeId> notices, String user, boolean write) {
    Job now = running.get();
    if (now != null && now.state == State.RUNNING) {
      throw new AlreadyRunning(now.id);
    }
    Job job = new Job(ids.incrementAndGet(), user, notices, write);
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
      if (!job.write) {
        verify(pipeline, job);
        job.message = job.view().get("failed") + " of " + job.notices.size() + " fail";
        job.state = State.DONE;
        return;
      }
      store.acquire();
      try {
        List<Publication> verified = verify(pipeline, job);
        write(job, verified);
        job.message = verified.size() + " of " + job.notices.size() + " published";
        job.state = State.DONE;
      } finally {
        store.lock().unlock();
      }
    } catch (OutputBusyException | OutputUnusableException e) {
      job.message = "nothing was published: " + e.getMessage();
      job.state = State.FAILED;
    } catch (IOException e) {
      job.message = "nothing was published: " + e.getMessage();
      job.state = State.FAILED;
    } catch (SourceStore.BusyException e) {
      job.message = "nothing was published: " + e.getMessage();
      job.state = State.FAILED;
    } catch (RuntimeException e) {
      job.message = "stopped by an internal error; nothing more was published";
      job.state = State.FAILED;
    }
  }

  /** Every notice of the job through the pipeline (or the cache); the ones that pass. */
  private List<Publication> verify(Pipeline pipeline, Job job) {
    List<Publication> verified = new ArrayList<>();
    for (NoticeId id : job.notices) {
      Publication p = renders.getHere(pipeline, Models.key(pipeline, id, Layout.DEFAULT));
      if (p.publishable()) {
        verified.add(p);
        job.steps.add(new Step(id.toString(), true, p.pdf().orElseThrow().pages() + " pages"));
      } else {
        Finding first = p.verdict().errors().get(0);
        job.steps.add(new Step(id.toString(), false, relative(pipeline, first).toString()));
      }
    }
    return verified;
  }

  /**
   * Only verified notices reach this point. They are published in one session of the output folder:
   * its lock keeps a CLI render (or another service) out meanwhile, and readers see all of them or
   * none.
   */
  private void write(Job job, List<Publication> verified) throws IOException {
    if (verified.isEmpty()) {
      return;
    }
    Publisher.Options options = new Publisher.Options("notice service, publication " + job.id
        + " by " + job.user, Duration.ofMinutes(2), message -> job.message = message);
    try (Publisher publisher = Publisher.open(output, options)) {
      publisher.publish(verified);
      if (!publisher.findings().isEmpty()) {
        job.notes.addAll(publisher.findings().stream().map(Finding::toString).toList());
      }
    } catch (FindingsException e) {
      job.notes.addAll(e.findings().stream().map(Finding::toString).toList());
      throw new IOException("the output folder cannot be published to", e);
    }
  }

  private static Finding relative(Pipeline pipeline, Finding f) {
    String prefix = pipeline.project().toAbsolutePath() + java.io.File.separator;
    return f.source().startsWith(prefix) ? f.at(f.source().substring(prefix.length()), f.line()) : f;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
