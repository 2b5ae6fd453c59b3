package org.hotline.review.internal;

import java.util.Locale;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * State variables as people name them (never {@code domesticSupport}), which of them a team may see
 * (docs/design.md section 4, visibility), and whether a rise is good news.
 */
final class Names {

    private Names() {
    }

    /** The variable's name; {@code reader} the team reading it (its own variables say "your"), or null for a neutral report. */
    static String of(Scenario scenario, String variable, Side reader) {
        String[] parts = variable.split("\\.");
        if (variable.equals("tension")) {
            return "Tension";
        }
        if (variable.equals("conflict")) {
            return "Conflict";
        }
        if (parts[0].equals("issue") && parts.length == 3) {
            String issue = issue(scenario, parts[1]);
            return parts[2].equals("status") ? "The status of " + issue : "The balance on " + issue;
        }
        if (parts[0].equals("agreement") && parts.length >= 2) {
            return "The agreement on " + issue(scenario, parts[1]);
        }
        if (parts[0].equals("context") && parts.length == 2) {
            return switch (parts[1]) {
                case "chinaAlignment" -> "Alignment with the third power";
                case "trendsAgainstWeaker" -> "Trends against " + scenario.label(Side.MOSCOW);
                case "powerRatio" -> "The balance of power";
                case "revisionism" -> scenario.label(Side.MOSCOW) + "'s ambitions";
                case "spoilerRisk" -> "The risk of spoilers";
                default -> parts[1];
            };
        }
        Side side = parts[0].equals("washington") ? Side.WASHINGTON : parts[0].equals("moscow") ? Side.MOSCOW : null;
        if (side == null || parts.length != 2) {
            return variable;
        }
        boolean own = side == reader;
        String whose = own ? "Your" : scenario.label(side) + "'s";
        String rival = scenario.label(side.other());
        return switch (parts[1]) {
            case "trust" -> whose + " trust in " + rival;
            case "threatPerception" -> whose + " sense of threat";
            case "domesticSupport" -> whose + " support at home";
            case "champion" -> (own ? "A champion of the approach in your government" : "A champion of the approach in " + scenario.label(side));
            case "perceivedResolve" -> whose + " estimate of " + rival + "'s resolve";
            case "strain" -> whose + " strain (the costs of the status quo)";
            case "burden" -> whose + " burden (spending, presence, readiness)";
            case "allianceCohesion" -> (own ? "Your" : scenario.label(side) + "'s") + " alliance cohesion";
            default -> whose + " " + parts[1];
        };
    }

    /** Tension, issue status, agreements and conflict are public; a side's own variables are its own (the ones its team's view carries). */
    static boolean visibleTo(String variable, Side reader) {
        if (variable.equals("tension") || variable.equals("conflict") || variable.startsWith("agreement.")
                || (variable.startsWith("issue.") && variable.endsWith(".status"))) {
            return true;
        }
        String own = reader.name().toLowerCase(Locale.ROOT) + ".";
        if (!variable.startsWith(own)) {
            return false;
        }
        String field = variable.substring(own.length());
        return switch (field) {
            case "trust", "threatPerception", "domesticSupport", "champion" -> true;
            case "burden", "allianceCohesion" -> reader.stronger();
            case "perceivedResolve", "strain" -> !reader.stronger();
            default -> false;
        };
    }

    /** True where a rise is good for the side holding the variable (and for stability), false where bad, null where neither. */
    static Boolean riseIsGood(String variable) {
        String last = variable.substring(variable.lastIndexOf('.') + 1);
        return switch (last) {
            case "tension", "threatPerception", "burden", "strain" -> false;
            case "trust", "domesticSupport", "allianceCohesion" -> true;
            default -> null;
        };
    }

    /** A non-numeric value in words: CONTESTED as contested, true as yes. */
    static String value(String raw) {
        if (raw == null) {
            return "none";
        }
        return switch (raw) {
            case "true" -> "yes";
            case "false" -> "no";
            default -> raw.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /** What a side did, after its name: "made a concession". */
    static String did(Move move) {
        return switch (move) {
            case BUILDUP -> "built up forces";
            case FORCE -> "used force";
            case PRESS -> "pressed";
            case NEGOTIATE -> "negotiated";
            case CONCEDE -> "made a concession";
            case ALLY_OUTREACH -> "worked through allies";
            case DRAWDOWN -> "drew down forces";
            case ACQUIESCE -> "acquiesced";
            case HOLD -> "held";
        };
    }

    private static String issue(Scenario scenario, String id) {
        return inSentence(scenario.issue(id).map(Issue::name).orElse(id));
    }

    /** A variable's name inside a sentence: "tension", "your trust in Moscow", "Moscow's sense of threat". */
    static String midSentence(String name) {
        return name.equals("Tension") || name.startsWith("Your ") || name.startsWith("The ") || name.startsWith("A ")
                ? Character.toLowerCase(name.charAt(0)) + name.substring(1) : name;
    }

    /** A name as it reads after a preposition: a leading article in lower case ("the Arctic"), anything else as written. */
    static String inSentence(String name) {
        for (String article : new String[] {"A ", "An ", "The "}) {
            if (name.startsWith(article)) {
                return Character.toLowerCase(name.charAt(0)) + name.substring(1);
            }
        }
        return name;
    }
}
