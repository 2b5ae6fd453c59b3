package org.hotline.live.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Several nodes (the cluster profile, hotline.cluster.*): the live channel relayed through RabbitMQ's
 * STOMP plugin instead of each node's own broker.
 *
 * @param enabled       Whether this node is one of several: events go through the relay, deadlines are fired under a shared lock.
 * @param relayHost     Host of RabbitMQ's STOMP plugin.
 * @param relayPort     Port of RabbitMQ's STOMP plugin.
 * @param relayLogin    RabbitMQ user the nodes connect as.
 * @param relayPasscode That user's password.
 */
@ConfigurationProperties("hotline.cluster")
public record RelaySettings(@DefaultValue("false") boolean enabled,
                           @DefaultValue("127.0.0.1") String relayHost,
                           @DefaultValue("61613") int relayPort,
                           @DefaultValue("guest") String relayLogin,
                           @DefaultValue("guest") String relayPasscode) {
}
