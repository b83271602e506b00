/** Implementation details of verification: text extraction that knows about artifacts. */
package org.noticepublisher.verify.internal;
