package org.noticepublisher.server;

/**
 * {@code /health}: whether the sources open, and how busy rendering is.
 *
 * @param status "ok" or "sources-broken"
 * @param readOnly whether the service runs without users, so nobody may change anything
 * @param versioned whether the project is a git repository
 */
record Health(String status, boolean readOnly, boolean versioned, Renders renders) {

  /**
   * The render pool.
   *
   * @param threads renders at once, at most
   * @param active renders running now
   * @param queued renders waiting for a thread
   * @param queueCapacity waiting renders beyond which requests are answered 503
   * @param mostAtOnce the most renders that ran at once since the start
   * @param cached renders kept for reuse
   * @param rendered renders made since the start
   */
  record Renders(
      int threads,
      int active,
      int queued,
      int queueCapacity,
      int mostAtOnce,
      long cached,
      int rendered) {}
}
