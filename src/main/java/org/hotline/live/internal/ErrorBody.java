package org.hotline.live.internal;

/** The error payload of docs/protocol.md section 6, on /user/queue/errors and in REST error responses. */
public record ErrorBody(String code, String message, String exerciseId, String commandId, String destination) {
}
