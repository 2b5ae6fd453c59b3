package org.hotline.exercise.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotline.engine.Effect;
import org.hotline.engine.IssueOutcome;
import org.hotline.engine.Outcome;
import org.hotline.engine.Roll;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A draft's outcome in JSON, its members as the engine's {@link Outcome} has them, with repeats left
 * out: an issue's move as the other side read it is written only when it was misread (most are not);
 * the effects as columns (one list per field: {@code variable}, {@code before}, {@code after},
 * {@code reason}, {@code findings}, {@code issueId}), a value before null when it is the value after of
 * the previous effect on the same variable; a run of dice thrown for the same purpose at the same
 * odds (a misperception roll on every issue) is one entry, {@code purpose}, {@code odds},
 * {@code findings}, with {@code issueIds}, {@code draws} and {@code successes} in issue order. All read
 * back exactly; single rolls, and the outcomes of older logs, read as they are.
 */
public final class DraftOutcome {

    private DraftOutcome() {
    }

    public static final class Writer extends ValueSerializer<Outcome> {
        @Override
        public void serialize(Outcome o, JsonGenerator out, SerializationContext context) {
            out.writeStartObject();
            out.writeNumberProperty("turn", o.turn());
            if (o.before() != null) {
                out.writePOJOProperty("before", o.before());
            }
            if (o.after() != null) {
                out.writePOJOProperty("after", o.after());
            }
            out.writeName("issues");
            out.writeStartArray();
            for (IssueOutcome issue : o.issues()) {
                issue(issue, out);
            }
            out.writeEndArray();
            out.writeName("effects");
            effects(o.effects(), out);
            out.writeName("rolls");
            out.writeStartArray();
            List<Roll> rolls = o.rolls();
            for (int i = 0; i < rolls.size(); ) {
                int end = i + 1;
                while (end < rolls.size() && sameThrow(rolls.get(i), rolls.get(end))) {
                    end++;
                }
                if (end - i == 1) {
                    out.writePOJO(rolls.get(i));
                } else {
                    run(rolls.subList(i, end), out);
                }
                i = end;
            }
            out.writeEndArray();
            out.writePOJOProperty("scores", o.scores());
            out.writeEndObject();
        }

        /** The effects as columns, one list per field (their names once, not once per effect). */
        private static void effects(List<Effect> effects, JsonGenerator out) {
            Map<String, String> last = new HashMap<>();
            List<String> before = new ArrayList<>();
            for (Effect effect : effects) {
                boolean follows = effect.before() != null && effect.before().equals(last.get(effect.variable()));
                before.add(follows ? null : effect.before());
                last.put(effect.variable(), effect.after());
            }
            out.writeStartObject();
            out.writePOJOProperty("variable", effects.stream().map(Effect::variable).toList());
            out.writePOJOProperty("before", before);
            out.writePOJOProperty("after", effects.stream().map(Effect::after).toList());
            out.writePOJOProperty("reason", effects.stream().map(Effect::reason).toList());
            out.writePOJOProperty("findings", effects.stream().map(Effect::findings).toList());
            out.writePOJOProperty("issueId", effects.stream().map(Effect::issueId).toList());
            out.writeEndObject();
        }

        private static void issue(IssueOutcome issue, JsonGenerator out) {
            out.writeStartObject();
            out.writeStringProperty("issueId", issue.issueId());
            out.writePOJOProperty("washingtonMove", issue.washingtonMove());
            out.writePOJOProperty("moscowMove", issue.moscowMove());
            if (!Objects.equals(issue.washingtonMoveAsReadByMoscow(), issue.washingtonMove())) {
                out.writePOJOProperty("washingtonMoveAsReadByMoscow", issue.washingtonMoveAsReadByMoscow());
            }
            if (!Objects.equals(issue.moscowMoveAsReadByWashington(), issue.moscowMove())) {
                out.writePOJOProperty("moscowMoveAsReadByWashington", issue.moscowMoveAsReadByWashington());
            }
            out.writePOJOProperty("before", issue.before());
            out.writePOJOProperty("after", issue.after());
            out.writePOJOProperty("findings", issue.findings());
            out.writeEndObject();
        }

        private static void run(List<Roll> run, JsonGenerator out) {
            Roll first = run.get(0);
            out.writeStartObject();
            out.writePOJOProperty("purpose", first.purpose());
            out.writeNumberProperty("odds", first.odds());
            out.writePOJOProperty("findings", first.findings());
            out.writeName("issueIds");
            out.writeStartArray();
            run.forEach(r -> out.writeString(r.issueId()));
            out.writeEndArray();
            out.writeName("draws");
            out.writeStartArray();
            run.forEach(r -> out.writeNumber(r.draw()));
            out.writeEndArray();
            out.writeName("successes");
            out.writeStartArray();
            run.forEach(r -> out.writeBoolean(r.success()));
            out.writeEndArray();
            out.writeEndObject();
        }

        private static boolean sameThrow(Roll a, Roll b) {
            return a.purpose() == b.purpose() && a.odds() == b.odds() && Objects.equals(a.findings(), b.findings())
                    && a.issueId() != null && b.issueId() != null;
        }
    }

    public static final class Reader extends ValueDeserializer<Outcome> {
        @Override
        public Outcome deserialize(JsonParser parser, DeserializationContext context) {
            ObjectNode outcome = (ObjectNode) context.readTree(parser);
            for (JsonNode issue : outcome.path("issues")) {
                ObjectNode written = (ObjectNode) issue;
                if (!written.has("washingtonMoveAsReadByMoscow")) {
                    written.set("washingtonMoveAsReadByMoscow", written.get("washingtonMove"));
                }
                if (!written.has("moscowMoveAsReadByWashington")) {
                    written.set("moscowMoveAsReadByWashington", written.get("moscowMove"));
                }
            }
            if (outcome.path("effects").isObject()) {
                outcome.set("effects", rows(outcome.get("effects"), outcome));
            }
            Map<String, JsonNode> last = new HashMap<>();
            for (JsonNode effect : outcome.path("effects")) {
                ObjectNode written = (ObjectNode) effect;
                String variable = written.path("variable").asString();
                if (!written.has("before")) {
                    written.set("before", last.get(variable));
                }
                last.put(variable, written.get("after"));
            }
            List<Roll> rolls = new ArrayList<>();
            for (JsonNode entry : outcome.path("rolls")) {
                if (!entry.has("issueIds")) {
                    rolls.add(context.readTreeAsValue(entry, Roll.class));
                    continue;
                }
                for (int i = 0; i < entry.get("issueIds").size(); i++) {
                    ObjectNode roll = outcome.objectNode();
                    roll.set("purpose", entry.get("purpose"));
                    roll.set("issueId", entry.get("issueIds").get(i));
                    roll.set("odds", entry.get("odds"));
                    roll.set("draw", entry.get("draws").get(i));
                    roll.set("success", entry.get("successes").get(i));
                    roll.set("findings", entry.get("findings"));
                    rolls.add(context.readTreeAsValue(roll, Roll.class));
                }
            }
            outcome.remove("rolls");
            Outcome rest = context.readTreeAsValue(outcome, Outcome.class);
            return new Outcome(rest.turn(), rest.before(), rest.after(), rest.issues(), rest.effects(), List.copyOf(rolls), rest.scores());
        }

        /** Effects written as columns, one object each; a null value before is the previous value after of its variable. */
        private static ArrayNode rows(JsonNode columns, ObjectNode outcome) {
            ArrayNode rows = outcome.arrayNode();
            for (int i = 0; i < columns.path("variable").size(); i++) {
                ObjectNode row = rows.addObject();
                for (String field : List.of("variable", "before", "after", "reason", "findings", "issueId")) {
                    JsonNode value = columns.path(field).path(i);
                    if (!value.isNull() && !value.isMissingNode()) {
                        row.set(field, value);
                    }
                }
            }
            return rows;
        }
    }
}
