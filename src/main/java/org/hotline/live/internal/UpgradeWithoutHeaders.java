package org.hotline.live.internal;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeFailureException;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;

/**
 * The WebSocket upgrade, without a copy of the handshake's headers in every open session: Spring
 * keeps one for {@code WebSocketSession.getHandshakeHeaders()}, which nothing here reads, about 1 KB
 * per session (more for a browser, with its user agent, languages and cookies). The handshake
 * itself still sees every header: origin, version and protocol are checked before the upgrade; what
 * the server needs of the client later (its address) is taken as a session attribute
 * ({@link ClientAddress}).
 */
final class UpgradeWithoutHeaders extends StandardWebSocketUpgradeStrategy {

    @Override
    public void upgrade(ServerHttpRequest request, ServerHttpResponse response, String selectedProtocol,
                        List<WebSocketExtension> selectedExtensions, Principal user, WebSocketHandler handler,
                        Map<String, Object> attributes) throws HandshakeFailureException {
        ServerHttpRequest headerless = new ServletServerHttpRequest(getHttpServletRequest(request)) {
            @Override
            public HttpHeaders getHeaders() {
                return HttpHeaders.EMPTY;
            }
        };
        super.upgrade(headerless, response, selectedProtocol, selectedExtensions, user, handler, attributes);
    }
}
