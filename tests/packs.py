"""Small rule packs for unit tests, written out in full so that each test reads on its own."""

GUARDED = """
version: 1
languages:
  en:
    negation-before: ['\\b(?:not|never|cannot|no\\s+\\w+\\s+is)\\b(?!\\s+only\\b)']
    negation-after: ['\\b(?:is|are)\\s+not\\b']
    question: ['^\\W*(?:is|are|can)\\b']
    clause-break: ['\\b(?:and|but)\\b']
  bn:
    negation-after: ['(?:নয়|না)(?!\\w)']
rules:
  - code: CL101
    name: permanent-results
    category: guarantee
    severity: error
    message: "'{match}' promises results that last forever"
    why: Results fade.
    suggestion: long-lasting results
    references: ["UK CAP Code 12.1"]
    patterns:
      en: ['\\bpermanent\\s+results?\\b']
      bn: ['স্থায়ী\\s+ফলাফল']
    unless:
      en: ['\\bpermanent\\s+results?\\s+of\\s+makeup\\b']
    examples:
      en: {flag: ["Permanent results in one session."], pass: ["Results are not permanent."]}
      bn: {flag: ["স্থায়ী ফলাফল পান।"], pass: ["স্থায়ী ফলাফল নয়।"]}
  - code: CL152
    name: no-side-effects
    category: absolute-safety
    severity: warning
    message: "'{match}' claims there are no side effects"
    why: Every treatment has side effects.
    references: ["FTC Act s.5"]
    patterns:
      en: ['\\bno\\s+side[\\s-]effects?\\b']
    examples:
      en: {flag: ["There are no side effects."], pass: ["Side effects are rare."]}
  - code: CL900
    name: missing-disclaimer
    category: missing-disclaimer
    scope: document
    severity: warning
    message: No disclaimer.
    why: Honest pages carry one.
    references: ["UK CAP Code 12.2"]
    when:
      en: ['\\btreatments?\\b']
    patterns:
      en: ['\\bresults\\s+vary\\b']
    examples:
      en: {flag: ["A treatment."], pass: ["A treatment. Results vary."]}
"""

# The same rules under codes and names of their own, to extend the default pack with.
EXTRA = (
    GUARDED.replace("CL101", "CL149")
    .replace("CL152", "CL199")
    .replace("CL900", "CL949")
    .replace("name: permanent-results", "name: test-permanent-results")
    .replace("name: no-side-effects", "name: test-no-side-effects")
    .replace("name: missing-disclaimer", "name: test-missing-disclaimer")
)
