package org.hotline.access;

/** A refused access request: an HTTP status, a stable code for clients, and a message for people. */
public class AccessRefused extends RuntimeException {

    private final int status;
    private final String code;

    public AccessRefused(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
