package org.noticepublisher.verify;

import java.util.List;
import org.noticepublisher.Finding;

/**
 * What verification concluded about one PDF.
 *
 * @param findings every problem found; errors block publication
 * @param checks what was checked, for reports (e.g. "PDF/UA-1 + PDF/A-2a", "text fidelity")
 */
public record Verdict(List<Finding> findings, List<String> checks) {
  public Verdict {
    findings = List.copyOf(findings);
    checks = List.copyOf(checks);
  }

  public boolean passed() {
    return findings.stream().noneMatch(Finding::isError);
  }

  public List<Finding> errors() {
    return findings.stream().filter(Finding::isError).toList();
  }
}
