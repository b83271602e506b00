package org.noticepublisher.server;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A refused or failed request, as the error page and JSON answers give it.
 *
 * @param status the HTTP status
 * @param message what happened and what to do, for people
 * @param findings the content problems behind it, if any
 */
record ErrorReport(int status, @Nullable String message, List<FindingView> findings) {}
