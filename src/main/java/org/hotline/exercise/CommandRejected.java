package org.hotline.exercise;

/** A command refused with a stable code (docs/protocol.md, section 6) and a reason for people. */
public class CommandRejected extends RuntimeException {

    private final String code;

    public CommandRejected(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
