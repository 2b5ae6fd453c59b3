package org.hotline.scenario.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.scenario.Brief;
import org.hotline.scenario.Context;
import org.hotline.scenario.Rulebook;
import org.hotline.scenario.SideSetup;

/**
 * Reads a side's {@code brief}: plain text (a summary only) or a mapping with a summary and lists of
 * points. A point is text, or a mapping with {@code text} and the {@code issues} it concerns. Figures
 * are written as placeholders and filled in from the scenario: {@code {start.<field>}} (this side's
 * starting value), {@code {rule.<key>}} (the effective rulebook), {@code {context.<field>}} and
 * {@code {tension}}; an unknown placeholder or issue id is a problem with its line and field.
 */
final class BriefReader {

    static final List<String> SECTIONS = List.of("priorities", "redLines", "bargainingChips", "linkages", "constraints");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z.]+)}");

    private final Values values;
    private final Set<String> issueIds;
    private final Rulebook rulebook;
    private final Context context;
    private final double tension;

    BriefReader(Values values, Set<String> issueIds, Rulebook rulebook, Context context, double tension) {
        this.values = values;
        this.issueIds = issueIds;
        this.rulebook = rulebook;
        this.context = context;
        this.tension = tension;
    }

    /** The side's brief, or null (problems recorded). */
    Brief read(YamlNode node, SideSetup side) {
        if (node instanceof YamlNode.Scalar) {
            String summary = text(node, side);
            return summary == null ? null : Brief.summaryOnly(summary);
        }
        Fields fields = values.fields(node);
        if (fields == null) {
            return null;
        }
        String summary = fields.required("summary").map(n -> text(n, side)).orElse(null);
        List<List<Brief.Point>> sections = new ArrayList<>();
        for (String section : SECTIONS) {
            List<Brief.Point> points = new ArrayList<>();
            for (YamlNode item : fields.optionalList(section)) {
                Brief.Point point = point(item, side);
                if (point != null) {
                    points.add(point);
                }
            }
            sections.add(points);
        }
        fields.finish();
        return summary == null ? null
                : new Brief(summary, sections.get(0), sections.get(1), sections.get(2), sections.get(3), sections.get(4));
    }

    private Brief.Point point(YamlNode item, SideSetup side) {
        if (item instanceof YamlNode.Scalar) {
            String text = text(item, side);
            return text == null ? null : new Brief.Point(List.of(), text);
        }
        Fields fields = values.fields(item);
        if (fields == null) {
            return null;
        }
        List<String> issues = new ArrayList<>();
        for (YamlNode id : fields.optionalList("issues")) {
            String issue = values.text(id);
            if (issue != null && !issueIds.contains(issue)) {
                values.problems().at(id, "unknown issue '" + issue + "'; this scenario's issues are " + String.join(", ", issueIds));
            } else if (issue != null) {
                issues.add(issue);
            }
        }
        String text = fields.required("text").map(n -> text(n, side)).orElse(null);
        fields.finish();
        return text == null ? null : new Brief.Point(List.copyOf(issues), text);
    }

    /** The node's text with every placeholder filled in, or null (problem recorded). */
    private String text(YamlNode node, SideSetup side) {
        String raw = values.text(node);
        if (raw == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(raw);
        StringBuilder filled = new StringBuilder();
        boolean ok = true;
        while (matcher.find()) {
            Double value = value(matcher.group(1), side);
            if (value == null) {
                values.problems().at(node, "unknown placeholder {" + matcher.group(1) + "}; use {start.<field>}, "
                        + "{rule.<rulebook key>}, {context.<field>} or {tension}");
                ok = false;
                continue;
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(figure(value)));
        }
        matcher.appendTail(filled);
        return ok ? filled.toString() : null;
    }

    private Double value(String name, SideSetup side) {
        if (name.equals("tension")) {
            return tension;
        }
        if (name.startsWith("rule.")) {
            Rulebook.Entry entry = rulebook.entries().get(name.substring("rule.".length()));
            return entry == null ? null : entry.value();
        }
        if (name.startsWith("start.")) {
            return switch (name.substring("start.".length())) {
                case "trust" -> side.trust();
                case "threatPerception" -> side.threatPerception();
                case "domesticSupport" -> side.domesticSupport();
                case "perceivedResolve" -> side.perceivedResolve();
                case "strain" -> side.strain();
                case "burden" -> side.burden();
                case "allianceCohesion" -> side.allianceCohesion();
                default -> null;
            };
        }
        if (name.startsWith("context.") && context != null) {
            return switch (name.substring("context.".length())) {
                case "chinaAlignment" -> context.chinaAlignment();
                case "trendsAgainstWeaker" -> context.trendsAgainstWeaker();
                case "powerRatio" -> context.powerRatio();
                case "revisionism" -> context.revisionism();
                case "spoilerRisk" -> context.spoilerRisk();
                default -> null;
            };
        }
        return null;
    }

    /** A figure as the player sees it: whole numbers without decimals, others to two places. */
    static String figure(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
