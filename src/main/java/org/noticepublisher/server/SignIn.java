package org.noticepublisher.server;

/**
 * The sign-in page.
 *
 * @param next the service's path to go to after signing in
 * @param failed whether the last attempt failed
 * @param locked whether attempts for this name are paused
 */
record SignIn(String next, boolean failed, boolean locked) {}
