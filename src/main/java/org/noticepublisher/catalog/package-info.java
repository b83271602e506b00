/** Message bundles per locale, their fallback chains and lint, and the organisation profile. */
package org.noticepublisher.catalog;
