package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.lang.reflect.RecordComponent;
import org.hotline.exercise.CommandType;
import org.hotline.exercise.EventType;
import org.hotline.exercise.Phase;
import org.junit.jupiter.api.Test;

/**
 * docs/protocol.md against the exercise module's contract: the facilitator commands are
 * CommandType's, the phases are Phase's, and each event's payload keys are its record's components.
 */
class ContractDocumentTest {

    private final ProtocolDocument document = ProtocolDocument.read();

    @Test
    void theCommandsTableNamesEveryFacilitatorCommand() {
        List<String> documented = document.table("commands").stream().map(row -> row.get(0)).toList();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(CommandType.controlNames());
    }

    @Test
    void thePhasesAreThePhases() {
        assertThat(document.words("phases")).containsExactlyElementsOf(Arrays.stream(Phase.values()).map(Enum::name).toList());
    }

    @Test
    void eachEventsPayloadKeysAreItsRecordsComponents() {
        List<List<String>> rows = document.table("events");
        assertThat(rows.stream().map(row -> row.get(0)).toList())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values()).map(Enum::name).toList());
        for (List<String> row : rows) {
            EventType type = EventType.valueOf(row.get(0));
            List<String> components = Arrays.stream(type.payloadType().getRecordComponents()).map(RecordComponent::getName).toList();
            assertThat(topLevelKeys(row.get(2))).as(type.name()).containsExactlyElementsOf(components);
        }
    }

    /** "a, b (x, y), c" → [a, b, c]: what is in brackets describes the key before it. */
    private static List<String> topLevelKeys(String cell) {
        StringBuilder flat = new StringBuilder();
        int depth = 0;
        for (char c : cell.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && c != ')') {
                flat.append(c);
            }
        }
        return Arrays.stream(flat.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
