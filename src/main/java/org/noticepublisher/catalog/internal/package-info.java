/** Implementation details of the catalog: file formats. */
package org.noticepublisher.catalog.internal;
