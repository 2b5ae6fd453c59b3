package org.hotline.review.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hotline.engine.GameState;
import org.hotline.engine.IssueState;
import org.hotline.engine.Scores;
import org.hotline.engine.SideState;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Side;

/**
 * Moves per turn and state per turn as CSV (RFC 4180: commas, quotes doubled, CRLF). Player-typed text
 * that a spreadsheet would run as a formula (a cell starting with =, +, -, @, tab or CR) gets a leading
 * single quote, as OWASP's CSV-injection guidance advises; numbers are written by us and keep their sign.
 */
final class Csv {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    static String moves(ReviewData data) {
        StringBuilder csv = new StringBuilder();
        row(csv, List.of("turn", "side", "issue", "move", "redLine", "argument", "readByOtherSide", "statusBefore", "statusAfter",
                "historical", "diverged"));
        var history = data.history();
        for (ReviewData.TurnDecisions turn : data.decisions) {
            for (ReviewData.IssueDecision issue : turn.issues()) {
                for (Side side : Side.values()) {
                    var order = side == Side.WASHINGTON ? issue.washington() : issue.moscow();
                    Move read = side == Side.WASHINGTON ? issue.washingtonAsReadByMoscow() : issue.moscowAsReadByWashington();
                    Move historical = history.stream().filter(h -> h.turn() == turn.turn()).flatMap(h -> h.moves().stream())
                            .filter(m -> m.side() == side && m.issueId().equals(issue.issueId())).map(ReviewData.HistoryMove::historical)
                            .findFirst().orElse(null);
                    row(csv, List.of(turn.turn(), side, issue.issueId(), order.move(), order.redLine(), text(order.argument()),
                            text(read), issue.before(), issue.after(), text(historical),
                            historical == null ? "" : String.valueOf(historical != order.move())));
                }
            }
        }
        return csv.toString();
    }

    static String states(ReviewData data) {
        List<Issue> issues = data.scenario.issues();
        List<Object> header = new ArrayList<>(List.of("turn", "tension", "conflict", "agreementsInForce", "stability"));
        for (Side side : Side.values()) {
            String s = side.name().toLowerCase();
            header.addAll(List.of(s + ".trust", s + ".threatPerception", s + ".domesticSupport", s + ".champion", s + ".perceivedResolve",
                    s + ".strain", s + ".burden", s + ".allianceCohesion", s + ".interests", s + ".security", s + ".costs"));
        }
        for (Issue issue : issues) {
            header.addAll(List.of("issue." + issue.id() + ".status", "issue." + issue.id() + ".balance"));
        }
        StringBuilder csv = new StringBuilder();
        row(csv, header);
        for (ReviewData.TurnPoint point : data.turns()) {
            GameState g = point.state();
            Scores scores = point.scores();
            List<Object> cells = new ArrayList<>(List.of(point.turn(), g.tension(), g.conflict(),
                    g.agreements().stream().filter(a -> a.inForce()).count(), scores == null ? "" : scores.stability()));
            for (Side side : Side.values()) {
                SideState s = g.side(side);
                Scores.SideScore score = scores == null ? null : scores.sides().get(side);
                cells.addAll(List.of(s.trust(), s.threatPerception(), s.domesticSupport(), s.champion(), s.perceivedResolve(), s.strain(),
                        s.burden(), s.allianceCohesion(), score == null ? "" : score.interests(), score == null ? "" : score.security(),
                        score == null ? "" : score.costs()));
            }
            for (Issue issue : issues) {
                IssueState state = g.issue(issue.id());
                cells.add(state == null ? "" : state.status());
                cells.add(state == null ? "" : state.balance());
            }
            row(csv, cells);
        }
        return csv.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void row(StringBuilder csv, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object value = cells.get(i);
            String cell = Objects.toString(value, "");
            if (!(value instanceof Number) && !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                cell = '"' + cell.replace("\"", "\"\"") + '"';
            }
            csv.append(cell);
        }
        csv.append("\r\n");
    }
}
