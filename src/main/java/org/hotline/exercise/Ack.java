package org.hotline.exercise;

/** A command applied (or recognised as a resend): the sequence numbers of the events it made. */
public record Ack(String commandId, String exerciseId, long firstSeq, long lastSeq, boolean duplicate) {
}
