package org.hotline.live.internal;

import java.net.InetSocketAddress;
import java.util.Map;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Keeps the client's address from the WebSocket handshake (behind a proxy, the one
 * {@code server.forward-headers-strategy} yields), so failed CONNECT tokens are counted per address
 * like failed REST tokens.
 */
class ClientAddress implements HandshakeInterceptor {

    private static final String ATTRIBUTE = "hotline.clientAddress";

    static String of(Map<String, Object> sessionAttributes) {
        Object address = sessionAttributes == null ? null : sessionAttributes.get(ATTRIBUTE);
        return address == null ? "unknown" : address.toString();
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote != null) {
            attributes.put(ATTRIBUTE, remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString());
        }
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception failure) {
        // Nothing to do once the socket is open.
    }
}
