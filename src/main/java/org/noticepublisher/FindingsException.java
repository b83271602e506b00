package org.noticepublisher;

import java.util.List;
import java.util.stream.Collectors;

/** A domain failure that carries the findings explaining it: bad input, not a programming error. */
public class FindingsException extends Exception {
  private final List<Finding> findings;

  public FindingsException(List<Finding> findings) {
    super(findings.stream().map(Finding::toString).collect(Collectors.joining("\n")));
    if (findings.isEmpty()) {
      throw new IllegalArgumentException("findings must not be empty");
    }
    this.findings = List.copyOf(findings);
  }

  public FindingsException(Finding finding) {
    this(List.of(finding));
  }

  public List<Finding> findings() {
    return findings;
  }
}
