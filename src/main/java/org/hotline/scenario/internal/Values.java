package org.hotline.scenario.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Typed reads of single YAML values. A value of the wrong kind or out of range is recorded as a
 * problem and read as null, so that reading goes on and one pass reports every problem of a file.
 */
final class Values {

    private final Problems problems;

    Values(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    /** The mapping's fields, or null (problem recorded) if the value is not a mapping. */
    Fields fields(YamlNode node) {
        if (node instanceof YamlNode.Mapping mapping) {
            return new Fields(mapping, this);
        }
        problems.at(node, "expected a mapping of fields, found " + node.describe());
        return null;
    }

    /** The list's items; a missing list is an empty one, anything else a problem. */
    List<YamlNode> list(YamlNode node) {
        if (node instanceof YamlNode.Sequence sequence) {
            return sequence.items();
        }
        problems.at(node, "expected a list, found " + node.describe());
        return List.of();
    }

    String text(YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar && scalar.kind() != YamlNode.Scalar.Kind.NULL) {
            if (scalar.text().isBlank()) {
                problems.at(node, "must not be blank");
                return null;
            }
            return scalar.text().strip();
        }
        problems.at(node, "expected text, found " + node.describe());
        return null;
    }

    Double number(YamlNode node, double min, double max) {
        if (node instanceof YamlNode.Scalar scalar
                && (scalar.kind() == YamlNode.Scalar.Kind.INTEGER || scalar.kind() == YamlNode.Scalar.Kind.DECIMAL)) {
            double value = Double.parseDouble(scalar.text());
            if (value < min || value > max || Double.isNaN(value)) {
                problems.at(node, "out of range: " + scalar.text() + " is not within " + format(min) + ".." + format(max));
                return null;
            }
            return value;
        }
        problems.at(node, "expected a number, found " + node.describe());
        return null;
    }

    Integer integer(YamlNode node, int min, int max) {
        if (node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Scalar.Kind.INTEGER) {
            long value;
            try {
                value = Long.parseLong(scalar.text());
            } catch (NumberFormatException e) {
                value = Long.MAX_VALUE;
            }
            if (value < min || value > max) {
                problems.at(node, "out of range: " + scalar.text() + " is not within " + min + ".." + max);
                return null;
            }
            return (int) value;
        }
        problems.at(node, "expected a whole number, found " + node.describe());
        return null;
    }

    Boolean bool(YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Scalar.Kind.BOOLEAN) {
            return Boolean.parseBoolean(scalar.text());
        }
        problems.at(node, "expected true or false, found " + node.describe());
        return null;
    }

    /** An enum constant, case-insensitive; {@code noun} names it in the message ("unknown move 'PRES'"). */
    <E extends Enum<E>> E choice(YamlNode node, Class<E> type, String noun) {
        if (node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Scalar.Kind.STRING) {
            String wanted = scalar.text().strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(wanted)) {
                    return constant;
                }
            }
            problems.at(node, "unknown " + noun + " '" + scalar.text() + "'; expected one of " + names(type));
            return null;
        }
        problems.at(node, "expected a " + noun + " (one of " + names(type) + "), found " + node.describe());
        return null;
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
