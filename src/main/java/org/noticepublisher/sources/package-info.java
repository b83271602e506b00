/** Beside the stages: what each notice is made from, hashed, so a stale publication can be told. */
@NullMarked
package org.noticepublisher.sources;

import org.jspecify.annotations.NullMarked;
