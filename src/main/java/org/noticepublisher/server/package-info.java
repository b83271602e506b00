/** A small web service over the pipeline: preview, download and report on notices. */
package org.noticepublisher.server;
