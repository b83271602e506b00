/**
 * Command line front end: render, validate, lint and bench, each testable as run(args, out, err).
 */
@NullMarked
package org.noticepublisher.cli;

import org.jspecify.annotations.NullMarked;
