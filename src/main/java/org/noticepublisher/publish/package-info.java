/** Publishing: verified notices are written atomically under output/ with a manifest. */
package org.noticepublisher.publish;
