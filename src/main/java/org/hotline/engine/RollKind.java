package org.hotline.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.hotline.scenario.Side;

/**
 * What a random draw decided. Serialised as its {@link #text()} (the words stored rows and the wire
 * have always carried), so callers match the constant and readers see the words.
 */
public enum RollKind {
    AGREEMENT("agreement"),
    AGREEMENT_LAPSE("agreement lapse"),
    ESCALATION("escalation to conflict"),
    PROXY_INCIDENT("proxy incident"),
    PROXY_INCIDENT_ISSUE("proxy incident: issue"),
    MISPERCEPTION_OF_WASHINGTON("misperception: Washington's move read as harsher"),
    MISPERCEPTION_OF_MOSCOW("misperception: Moscow's move read as harsher"),
    SPOILERS_WASHINGTON("spoilers: Washington's move implemented only in part"),
    SPOILERS_MOSCOW("spoilers: Moscow's move implemented only in part"),
    EMBOLDENING("emboldening: concessions read as weakness");

    private final String text;

    RollKind(String text) {
        this.text = text;
    }

    @JsonValue
    public String text() {
        return text;
    }

    /** The kind whose words these are; refuses words no engine version wrote. */
    @JsonCreator
    public static RollKind fromText(String text) {
        for (RollKind kind : values()) {
            if (kind.text.equals(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown roll purpose '" + text + "'");
    }

    /** The misreading of the given side's move by the other side (M1). */
    public static RollKind misperceptionOf(Side mover) {
        return mover == Side.WASHINGTON ? MISPERCEPTION_OF_WASHINGTON : MISPERCEPTION_OF_MOSCOW;
    }

    /** Spoilers implementing the given side's move only in part (M4). */
    public static RollKind spoilersOf(Side mover) {
        return mover == Side.WASHINGTON ? SPOILERS_WASHINGTON : SPOILERS_MOSCOW;
    }

    public boolean misperception() {
        return this == MISPERCEPTION_OF_WASHINGTON || this == MISPERCEPTION_OF_MOSCOW;
    }

    public boolean spoilers() {
        return this == SPOILERS_WASHINGTON || this == SPOILERS_MOSCOW;
    }

    @Override
    public String toString() {
        return text;
    }
}
