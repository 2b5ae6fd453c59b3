package org.hotline.exercise.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hotline.engine.MoveOption;
import org.hotline.scenario.Move;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * A team's withheld moves in JSON, one entry for a run of moves withheld for the same reason
 * ({@code issueIds}, {@code move}, {@code allowed}, {@code reason}, {@code findings}): the engine gives
 * one reason for a move on every issue (domestic politics withhold CONCEDE everywhere, a war every
 * move), and a player otherwise got it once per issue. The views list the moves move by move for
 * that ({@link Views}). Only consecutive moves share an entry, so the list reads back exactly; entries
 * of older logs, one issue each ({@code issueId}), read as they are.
 */
public final class WithheldMoves {

    private WithheldMoves() {
    }

    public static final class Writer extends ValueSerializer<List<MoveOption>> {
        @Override
        public void serialize(List<MoveOption> options, JsonGenerator out, SerializationContext context) {
            out.writeStartArray();
            for (int i = 0; i < options.size(); ) {
                MoveOption first = options.get(i);
                out.writeStartObject();
                out.writeName("issueIds");
                out.writeStartArray();
                for (; i < options.size() && sameEntry(first, options.get(i)); i++) {
                    out.writeString(options.get(i).issueId());
                }
                out.writeEndArray();
                out.writeStringProperty("move", first.move().name());
                out.writeBooleanProperty("allowed", first.allowed());
                out.writeStringProperty("reason", first.reason());
                out.writeName("findings");
                out.writePOJO(first.findings());
                out.writeEndObject();
            }
            out.writeEndArray();
        }

        private static boolean sameEntry(MoveOption a, MoveOption b) {
            return a.move() == b.move() && a.allowed() == b.allowed() && Objects.equals(a.reason(), b.reason())
                    && Objects.equals(a.findings(), b.findings());
        }
    }

    public static final class Reader extends ValueDeserializer<List<MoveOption>> {
        @Override
        public List<MoveOption> deserialize(JsonParser parser, DeserializationContext context) {
            JsonNode entries = context.readTree(parser);
            List<MoveOption> options = new ArrayList<>();
            for (JsonNode entry : entries) {
                if (!entry.has("issueIds")) {
                    options.add(context.readTreeAsValue(entry, MoveOption.class));
                    continue;
                }
                List<String> findings = new ArrayList<>();
                entry.path("findings").forEach(f -> findings.add(f.asString()));
                for (JsonNode issue : entry.get("issueIds")) {
                    options.add(new MoveOption(issue.asString(), Move.valueOf(entry.path("move").asString()),
                            entry.path("allowed").asBoolean(false), entry.path("reason").asString(null), List.copyOf(findings)));
                }
            }
            return options;
        }
    }
}
