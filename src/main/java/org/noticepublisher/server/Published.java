package org.noticepublisher.server;

import org.jspecify.annotations.Nullable;

/**
 * What the manifest says is published for one notice and layout.
 *
 * @param href where the service serves the published PDF
 * @param date when the file was written, for people ("1 Dec 2026, 09:30 UTC"); empty if unknown
 * @param pages the PDF's page count, as the manifest records it
 * @param review the translation's review status when it was published
 * @param changed whether the notice's sources changed since: "yes", "no" or "unknown" (published
 *     before sources were recorded)
 */
record Published(
    String href, String date, @Nullable Integer pages, String review, String changed) {}
