package org.hotline.live.internal;

/**
 * A STOMP MESSAGE frame as text, for the frames written straight to a session ({@link Delivery},
 * {@link Outbox}): the headers Spring's encoder writes for a broker's message, values escaped as
 * STOMP 1.2 asks (a subscription id is the client's own), and the body's length in bytes.
 */
final class MessageFrame {

    private MessageFrame() {
    }

    /** {@code contentType} may be null (topic messages carry none: they are always JSON). */
    static String of(String destination, String messageId, String subscriptionId, String contentType, String body, int bodyBytes) {
        StringBuilder frame = new StringBuilder(body.length() + 160).append("MESSAGE\ndestination:");
        escape(destination, frame).append("\nmessage-id:");
        escape(messageId, frame).append("\nsubscription:");
        escape(subscriptionId, frame).append('\n');
        if (contentType != null) {
            frame.append("content-type:").append(contentType).append('\n');
        }
        return frame.append("content-length:").append(bodyBytes).append("\n\n").append(body).append('\0').toString();
    }

    private static StringBuilder escape(String value, StringBuilder frame) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> frame.append("\\\\");
                case ':' -> frame.append("\\c");
                case '\n' -> frame.append("\\n");
                case '\r' -> frame.append("\\r");
                default -> frame.append(c);
            }
        }
        return frame;
    }
}
