package org.hotline.scenario;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What one team is told at the start, in a shape a player can act on: a summary, then the team's
 * priorities, red lines, bargaining chips, likely linkages and domestic constraints. Each point names
 * the issues it concerns (none for a point about the whole relationship). Figures in the text are
 * the scenario's own: the file writes placeholders ({@code {start.domesticSupport}},
 * {@code {rule.constraint.threshold}}) and the loader fills them in, so the brief cannot drift from
 * the values the player will see. Shown to that team only.
 */
public record Brief(
        String summary,
        List<Point> priorities,
        List<Point> redLines,
        List<Point> bargainingChips,
        List<Point> linkages,
        List<Point> constraints) {

    /** One thing to know, about the named issues (empty: the whole relationship). */
    public record Point(List<String> issues, String text) {
    }

    public Brief {
        priorities = List.copyOf(priorities);
        redLines = List.copyOf(redLines);
        bargainingChips = List.copyOf(bargainingChips);
        linkages = List.copyOf(linkages);
        constraints = List.copyOf(constraints);
    }

    /** A brief that is only a summary (the older, plain-text form of the file). */
    public static Brief summaryOnly(String summary) {
        return new Brief(summary, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Every issue some point of the brief names, in the order first named. */
    public Set<String> issuesCovered() {
        Set<String> covered = new LinkedHashSet<>();
        Stream.of(priorities, redLines, bargainingChips, linkages, constraints)
                .flatMap(List::stream).forEach(point -> covered.addAll(point.issues()));
        return covered;
    }
}
