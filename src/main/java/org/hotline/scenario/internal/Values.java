package org.hotline.scenario.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    /** The top-level fields of a YAML text, or empty if it is not YAML or not a mapping (problem recorded). */
    Optional<Fields> document(String text) {
        return Optional.ofNullable(problems.yaml().read(text)).map(this::fields);
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
            Double value = parse(scalar);
            if (value == null) {
                return null;
            }
            // Written as inclusion so that NaN (.nan) is out of range too.
            if (!(value >= min && value <= max)) {
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
            Double value = parse(scalar);
            if (value == null) {
                return null;
            }
            if (!(value >= min && value <= max)) {
                problems.at(node, "out of range: " + scalar.text() + " is not within " + min + ".." + max);
                return null;
            }
            return value.intValue();
        }
        problems.at(node, "expected a whole number, found " + node.describe());
        return null;
    }

    /** YAML calls more spellings numbers than Java reads (0x1F, 0o17, .inf); those Java cannot read are refused. */
    private Double parse(YamlNode.Scalar scalar) {
        String text = scalar.text().strip();
        switch (text.toLowerCase(Locale.ROOT)) {
            case ".inf", "+.inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-.inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case ".nan" -> {
                return Double.NaN;
            }
            default -> {
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    problems.at(scalar, "cannot read '" + text + "' as a number; write it in decimal");
                    return null;
                }
            }
        }
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
