/** A small web service over the pipeline: preview, download and report on notices. */
@NullMarked
package org.noticepublisher.server;

import org.jspecify.annotations.NullMarked;
