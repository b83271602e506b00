/** Message bundles per locale, their fallback chains and lint, and the organisation profile. */
@NullMarked
package org.noticepublisher.catalog;

import org.jspecify.annotations.NullMarked;
