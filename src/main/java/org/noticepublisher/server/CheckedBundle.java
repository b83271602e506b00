package org.noticepublisher.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What checking an uploaded bundle found, as the translate page shows it and {@code POST
 * /api/translate/{locale}/check} answers (the text itself stays on the page).
 *
 * @param saveable whether it has no errors, so it may be saved as a draft
 * @param errors how many findings are errors
 * @param findings errors first, then warnings, with the uploaded file's lines
 * @param previews each variant assembled from the uploaded text
 */
@JsonPropertyOrder({"checked", "saveable", "errors", "findings", "previews"})
record CheckedBundle(
    boolean saveable, long errors, List<FindingView> findings, List<BundleCheck.Preview> previews) {

  static CheckedBundle of(BundleCheck.Result r) {
    return new CheckedBundle(
        r.saveable(),
        r.findings().stream().filter(org.noticepublisher.Finding::isError).count(),
        r.findings().stream().map(FindingView::of).toList(),
        r.previews());
  }

  /** Always true: clients written against the first answers test this field. */
  @JsonProperty("checked")
  boolean checked() {
    return true;
  }
}
