/** Command line front end: render, validate, lint and bench, each testable as run(args, out, err). */
package org.noticepublisher.cli;
