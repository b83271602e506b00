package org.noticepublisher.server;

import org.jspecify.annotations.Nullable;

/**
 * A translator's page for one bundle: the text as saved, or as last checked with what the check
 * found.
 *
 * @param review "reviewed" or "draft"
 * @param mayEdit whether the person asking may check and save this bundle
 * @param mayReview whether they may mark it reviewed (editors)
 * @param versioned whether saves are committed to git
 * @param text the bundle as saved, or the checked upload
 * @param check what checking {@code text} found; null until a check
 * @param message why a save was refused
 */
record Workspace(
    String locale,
    String name,
    String dir,
    String review,
    boolean mayEdit,
    boolean mayReview,
    boolean versioned,
    String text,
    @Nullable CheckedBundle check,
    @Nullable String message) {

  /** This page after checking an upload: its text and what the check found. */
  Workspace checked(BundleCheck.Result result) {
    return new Workspace(
        locale,
        name,
        dir,
        review,
        mayEdit,
        mayReview,
        versioned,
        result.text(),
        CheckedBundle.of(result),
        message);
  }

  Workspace withMessage(String refusal) {
    return new Workspace(
        locale, name, dir, review, mayEdit, mayReview, versioned, text, check, refusal);
  }
}
