/**
 * The publishing pipeline, catalog → assemble → render → verify for one notice at a time, and what
 * it yields: the public API the CLI and the web service are front ends over.
 */
@NullMarked
package org.noticepublisher.pipeline;

import org.jspecify.annotations.NullMarked;
