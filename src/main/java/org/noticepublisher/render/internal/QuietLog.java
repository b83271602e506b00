package org.noticepublisher.render.internal;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;

/**
 * openhtmltopdf's logger, made quiet: diagnostics of level INFO and up still reach each render's
 * diagnostic consumer (which fails the render on warnings), but nothing is printed to the console,
 * and the thousands of FINE messages per page are never even formatted.
 */
public final class QuietLog implements XRLogger {
  @Override
  public void log(String where, Level level, String msg) {}

  @Override
  public void log(String where, Level level, String msg, Throwable th) {}

  @Override
  public void setLevel(String logger, Level level) {}

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    return diagnostic.getLevel().intValue() >= Level.INFO.intValue();
  }
}
