package org.noticepublisher.server;

import org.noticepublisher.Finding;

/**
 * A finding as pages and JSON answers show it: its fields, plus {@code where} (file and line) ready
 * to print.
 */
record FindingView(
    String severity,
    String source,
    int line,
    String code,
    String message,
    String fix,
    String where) {

  static FindingView of(Finding f) {
    return new FindingView(
        f.severity().label(),
        f.source(),
        f.line(),
        f.code(),
        f.message(),
        f.fix(),
        f.source() + (f.line() > 0 ? ":" + f.line() : ""));
  }
}
