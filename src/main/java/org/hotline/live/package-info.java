/**
 * The live transport: STOMP over WebSocket at /ws (authorised frame by frame, filtered per role) and
 * the REST API for what is not live.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live server")
package org.hotline.live;
