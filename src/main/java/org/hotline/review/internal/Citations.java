package org.hotline.review.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.scenario.Finding;

/** How a report cites the finding catalogue (docs/design.md section 5): the findings behind a change, the recommendation that answers them. */
record Citations(Map<String, Finding> catalogue) {

    String because(List<String> findings, String what) {
        List<String> known = findings.stream().filter(catalogue::containsKey).toList();
        if (known.isEmpty()) {
            return "The log cites no finding for " + what + ".";
        }
        return "Findings behind " + what + ": " + known.stream().map(id -> id + " (" + catalogue.get(id).title() + ")")
                .collect(Collectors.joining(", ")) + ".";
    }

    /** The catalogue's recommendation that answers these findings, or the given fallback. */
    String recommend(List<String> findings, String fallback) {
        String id = findings.stream().map(Citations::recommendationFor).filter(r -> r != null).findFirst().orElse(fallback);
        Finding r = catalogue.get(id);
        return r == null ? id : id + ": " + r.title() + ". " + r.text().strip();
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
