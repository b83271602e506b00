/** Implementation details of rendering: fonts, Arabic-script shaping, reproducible metadata. */
package org.noticepublisher.render.internal;
