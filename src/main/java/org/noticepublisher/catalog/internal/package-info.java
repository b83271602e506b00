/** Implementation details of the catalog: pseudo-localisation. */
@NullMarked
package org.noticepublisher.catalog.internal;

import org.jspecify.annotations.NullMarked;
