package org.noticepublisher.server;

import java.io.IOException;
import java.io.PrintWriter;
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
import org.noticepublisher.assemble.Layout;
import org.noticepublisher.pipeline.Pipeline;
import org.noticepublisher.pipeline.Publication;
import org.noticepublisher.publish.OutputBusyException;
import org.noticepublisher.publish.OutputUnusableException;
import org.noticepublisher.publish.Publisher;

/**
 * Checks and publications started from the web: one at a time, on their own thread, through the
 * same pipeline and {@link Publisher} as the CLI's render command. A job first copies the sources
 * under their lock (a moment), then renders from that copy on the shared render pool, so
 * translators can save while it runs and a publication publishes exactly the state it copied; the
 * manifest records that state's hashes, and the dashboard shows later saves as "changed since
 * publishing". A check only verifies (the results fill the dashboard through the cache); a
 * publication also writes the notices that pass, and only those, then the manifest once. A second
 * job while one runs is refused.
 */
final class PublishJobs implements AutoCloseable {
  enum State {
    RUNNING,
    DONE,
    FAILED
  }

  /**
   * One notice's outcome within a job.
   *
   * @param notice variant/locale
   * @param passed whether it passed verification (only those are written, all at the end)
   * @param detail pages, or the first error
   */
  record Step(String notice, boolean passed, String detail) {}

  private static final java.time.format.DateTimeFormatter STARTED =
      java.time.format.DateTimeFormatter.ofPattern(
              "d MMM yyyy, HH:mm:ss 'UTC'", java.util.Locale.UK)
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

    Report report() {
      List<Step> copy;
      synchronized (steps) {
        copy = List.copyOf(steps);
      }
      int passed = (int) copy.stream().filter(Step::passed).count();
      return new Report(
          id,
          write ? "publication" : "check",
          user,
          STARTED.format(started),
          state.name().toLowerCase(java.util.Locale.ROOT),
          notices.size(),
          copy.size(),
          state == State.DONE ? passed : 0,
          copy.size() - passed,
          message,
          List.copyOf(notes),
          copy);
    }
  }

  /**
   * A job as its page and {@code /api/publish/jobs/{id}} show it.
   *
   * @param kind "publication" or "check"
   * @param user who started it
   * @param started when, for people
   * @param state "running", "done" or "failed"
   * @param total notices to verify
   * @param done notices verified so far
   * @param published notices written (only when it is done: they are written together at the end)
   * @param failed notices that did not pass
   * @param message what it is doing, or how it ended
   * @param notes what publishing found in the output folder (files left out, …)
   * @param steps each notice verified so far
   */
  record Report(
      int id,
      String kind,
      String user,
      String started,
      String state,
      int total,
      int done,
      int published,
      int failed,
      String message,
      List<String> notes,
      List<Step> steps) {}

  /** Another job is running. */
  static final class AlreadyRunning extends RuntimeException {
    final int job;

    AlreadyRunning(int job) {
      super("job " + job + " is still running");
      this.job = job;
    }
  }

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "publish");
            t.setDaemon(true);
            return t;
          });
  private final Map<Integer, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicReference<Job> running = new AtomicReference<>();
  private final Renders renders;
  private final SourceStore store;
  private final Project project;
  private final Path output;
  private final PrintWriter log;

  PublishJobs(Renders renders, SourceStore store, Project project, Path output, PrintWriter log) {
    this.renders = renders;
    this.store = store;
    this.project = project;
    this.output = output;
    this.log = log;
  }

  /**
   * Starts verifying {@code notices} and, with {@code write}, publishing those that pass; refused
   * while another job runs.
   */
  synchronized Job start(List<NoticeId> notices, String user, boolean write) {
    Job now = running.get();
    if (now != null && now.state == State.RUNNING) {
      throw new AlreadyRunning(now.id);
    }
    Job job = new Job(ids.incrementAndGet(), user, notices, write);
    jobs.put(job.id, job);
    running.set(job);
    thread.submit(() -> run(job));
    return job;
  }

  Optional<Job> find(int id) {
    return Optional.ofNullable(jobs.get(id));
  }

  private void run(Job job) {
    Path copy = null;
    try {
      job.message = "copying the sources";
      copy = project.newSnapshotFolder();
      store.copySources(
          copy,
          (job.write ? "publication " : "check ")
              + job.id
              + " by "
              + job.user
              + " (copying the sources)");
      Pipeline pipeline;
      try {
        pipeline = Pipeline.open(copy);
      } catch (FindingsException e) {
        job.notes.addAll(project.relative(e.findings()).stream().map(Finding::toString).toList());
        job.message =
            "nothing was "
                + (job.write ? "published" : "checked")
                + ": the notice sources have problems (below)";
        job.state = State.FAILED;
        return;
      }
      job.message = "rendering and verifying";
      List<Publication> verified = verify(pipeline, job);
      if (!job.write) {
        job.message = job.report().failed() + " of " + job.notices.size() + " fail";
        job.state = State.DONE;
        return;
      }
      write(job, verified);
      job.message = verified.size() + " of " + job.notices.size() + " published";
      job.state = State.DONE;
    } catch (OutputBusyException | OutputUnusableException e) {
      job.message = "nothing was published: " + e.getMessage();
      job.state = State.FAILED;
    } catch (SourceStore.BusyException e) {
      job.message = "nothing was published: " + e.getMessage();
      job.state = State.FAILED;
    } catch (IOException e) {
      job.message = "nothing was published: " + e.getMessage();
      job.state = State.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      job.message = "stopped: the service is shutting down; nothing more was published";
      job.state = State.FAILED;
    } catch (RuntimeException | Error e) {
      logged(job, e);
      job.message = "stopped by an internal error; nothing more was published";
      job.state = State.FAILED;
    } finally {
      project.deleteSnapshotFolder(copy);
    }
  }

  /**
   * Every notice of the job through the shared pool (or the cache); the ones that pass. A notice
   * whose render throws fails alone, as a step without internals, and the job goes on.
   */
  private List<Publication> verify(Pipeline pipeline, Job job) throws InterruptedException {
    List<Publication> verified = new ArrayList<>();
    for (NoticeId id : job.notices) {
      if (pipeline.catalog().bundle(id.locale()).isEmpty()
          || !pipeline.assembler().variants().containsKey(id.variant())) {
        job.steps.add(new Step(id.toString(), false, "no longer in the sources"));
        continue;
      }
      Publication p;
      try {
        p = renders.getWaiting(pipeline, Models.key(pipeline, id, Layout.DEFAULT));
      } catch (Renders.Failed e) {
        logged(job, e);
        job.steps.add(
            new Step(
                id.toString(),
                false,
                "the render stopped with an internal error (details in the service's log)"));
        continue;
      }
      if (p.publishable()) {
        verified.add(p);
        job.steps.add(new Step(id.toString(), true, p.pdf().orElseThrow().pages() + " pages"));
      } else {
        Finding first = p.verdict().errors().get(0);
        job.steps.add(new Step(id.toString(), false, project.relative(first).toString()));
      }
    }
    return verified;
  }

  private void logged(Job job, Throwable e) {
    synchronized (log) {
      log.println("internal error in job " + job.id + ": " + e);
      e.printStackTrace(log);
      log.flush();
    }
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
    Publisher.Options options =
        new Publisher.Options(
            "notice service, publication " + job.id + " by " + job.user,
            Duration.ofMinutes(2),
            message -> job.message = message);
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

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
