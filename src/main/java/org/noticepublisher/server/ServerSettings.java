package org.noticepublisher.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the notice service runs.
 *
 * @param project the project folder (locales/, templates/); edits there show on the next request
 * @param output the folder published notices go to
 * @param host address to listen on
 * @param port port, 0 for any free one
 * @param users the users file; empty means read-only and loopback only
 * @param renderThreads notices rendered at once (default: cores)
 * @param queue renders that may wait for a thread; past that, 503 with Retry-After
 * @param renderTimeout how long a request waits for its render before it gets a 503
 * @param maxUploadBytes largest bundle a translator may upload
 */
public record ServerSettings(
    Path project,
    Path output,
    String host,
    int port,
    Optional<Path> users,
    int renderThreads,
    int queue,
    Duration renderTimeout,
    int maxUploadBytes) {

  public ServerSettings {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(renderTimeout, "renderTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
    }
    if (renderThreads < 1) {
      throw new IllegalArgumentException("renderThreads must be at least 1, was " + renderThreads);
    }
    if (queue < 0) {
      throw new IllegalArgumentException("queue must be 0 or more, was " + queue);
    }
    if (maxUploadBytes < 1024) {
      throw new IllegalArgumentException(
          "maxUploadBytes must be at least 1024, was " + maxUploadBytes);
    }
    project = project.toAbsolutePath().normalize();
    output = output.toAbsolutePath().normalize();
  }

  /** Loopback, port 8080, read-only, a render thread per core and a queue of two per thread. */
  public static ServerSettings defaults(Path project, Path output) {
    int cores = Runtime.getRuntime().availableProcessors();
    return new ServerSettings(
        project,
        output,
        "127.0.0.1",
        8080,
        Optional.empty(),
        cores,
        2 * cores,
        Duration.ofSeconds(60),
        512 * 1024);
  }

  public ServerSettings withAddress(String host, int port) {
    return new ServerSettings(
        project, output, host, port, users, renderThreads, queue, renderTimeout, maxUploadBytes);
  }

  public ServerSettings withUsers(Path file) {
    return new ServerSettings(
        project,
        output,
        host,
        port,
        Optional.of(file),
        renderThreads,
        queue,
        renderTimeout,
        maxUploadBytes);
  }

  public ServerSettings withRenderLimits(int threads, int queue, Duration timeout) {
    return new ServerSettings(
        project, output, host, port, users, threads, queue, timeout, maxUploadBytes);
  }

  /** Whether {@code host} names only this machine (127.0.0.0/8, ::1, localhost). */
  public boolean loopbackOnly() {
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
