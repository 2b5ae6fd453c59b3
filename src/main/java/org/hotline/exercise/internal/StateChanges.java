package org.hotline.exercise.internal;

import java.util.Map;
import org.hotline.engine.GameState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A whole state as the changes from an earlier one, in the form of a JSON merge patch (RFC 7386): an
 * object holds the members that differ, nested objects hold their own differing members, a list or a
 * value that differs is there whole. The numbers stay exact: the facilitator's views are logged this
 * way, and the projection (the engine's next input) and the review's replay read the state back from
 * them.
 */
public final class StateChanges {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StateChanges() {
    }

    /** What differs in {@code after} from {@code before}. */
    public static ObjectNode between(GameState before, GameState after) {
        return changes(JSON.valueToTree(before), JSON.valueToTree(after));
    }

    /** {@code before} with the changes written over it. */
    public static GameState applied(GameState before, JsonNode changes) {
        JsonNode whole = JSON.valueToTree(before);
        return JSON.treeToValue(patched(whole, changes), GameState.class);
    }

    private static ObjectNode changes(JsonNode before, JsonNode after) {
        ObjectNode changed = JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> member : after.properties()) {
            JsonNode was = before.get(member.getKey());
            JsonNode now = member.getValue();
            if (was != null && was.isObject() && now.isObject()) {
                ObjectNode inner = changes(was, now);
                if (!inner.isEmpty()) {
                    changed.set(member.getKey(), inner);
                }
            } else if (!now.equals(was)) {
                changed.set(member.getKey(), now);
            }
        }
        // The engine's records write every member, so none is ever absent from after that was in before.
        return changed;
    }

    /** Writes the changes into {@code whole} (a tree of this class's own) and returns it. */
    private static JsonNode patched(JsonNode whole, JsonNode changes) {
        if (!changes.isObject() || !whole.isObject()) {
            return changes;
        }
        ObjectNode result = (ObjectNode) whole;
        for (Map.Entry<String, JsonNode> member : changes.properties()) {
            JsonNode was = result.get(member.getKey());
            result.set(member.getKey(), was == null ? member.getValue() : patched(was, member.getValue()));
        }
        return result;
    }
}
