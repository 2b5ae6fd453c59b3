package org.hotline.review.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.scenario.Finding;

/**
 * How a report cites the finding catalogue (docs/design.md section 5): the findings behind a change,
 * the recommendation that answers them, written out in full once per report. A case study (CS1-CS4)
 * is cited only in its own scenario: its history is no reason for what happened in another era.
 */
record Citations(Map<String, Finding> catalogue, Optional<String> caseStudy) {

    /** An observation whose analysis names the findings behind {@code what}, after an optional reasoning of its own. */
    Report.Observation observation(String title, String observation, String what, String fallback, List<String> findings,
                                   List<Integer> turns, String... reasoning) {
        List<String> relevant = relevant(findings);
        String because = because(relevant, what);
        String analysis = reasoning.length == 0 ? because : String.join(" ", reasoning) + " " + because;
        return new Report.Observation(title, observation, analysis, recommend(relevant, fallback), relevant, turns);
    }

    /** The observation with its recommendation written out only if no earlier one wrote it; {@code written} collects the ids. */
    Report.Observation once(Report.Observation o, Set<String> written) {
        String id = id(o.recommendation());
        if (written.add(id)) {
            return o;
        }
        return new Report.Observation(o.title(), o.observation(), o.analysis(), id + ", as above.", o.findings(), o.turns());
    }

    /** The recommendation's id: the text before its first colon. */
    static String id(String recommendation) {
        int colon = recommendation.indexOf(':');
        return (colon < 0 ? recommendation.replace(", as above.", "") : recommendation.substring(0, colon)).strip();
    }

    /** A recommendation written out: "R4: title. text". */
    String recommendation(String id) {
        Finding r = catalogue.get(id);
        return r == null ? id : id + ": " + r.title() + ". " + r.text().strip();
    }

    private List<String> relevant(List<String> findings) {
        return findings.stream().filter(id -> !id.startsWith("CS") || caseStudy.filter(id::equals).isPresent()).distinct().toList();
    }

    private String because(List<String> findings, String what) {
        List<String> known = findings.stream().filter(catalogue::containsKey).toList();
        if (known.isEmpty()) {
            return "The log cites no finding for " + what + ".";
        }
        return "Findings behind " + what + ": " + known.stream().map(id -> id + " (" + catalogue.get(id).title() + ")")
                .collect(Collectors.joining(", ")) + ".";
    }

    /** The catalogue's recommendation that answers these findings, or the given fallback. */
    private String recommend(List<String> findings, String fallback) {
        return recommendation(findings.stream().map(Citations::recommendationFor).filter(r -> r != null).findFirst().orElse(fallback));
    }

    private static String recommendationFor(String finding) {
        return switch (finding) {
            case "R1", "R2", "R3", "R4", "R5", "R6" -> finding;
            case "F1", "M1", "B4" -> "R1";
            case "F2" -> "R2";
            case "F5", "F6" -> "R3";
            case "M2", "M3", "M4" -> "R4";
            case "K2", "F3", "M5", "M6" -> "R6";
            default -> null;
        };
    }
}
