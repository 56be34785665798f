package org.ewn.query.push;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * STOMP over WebSocket at {@code /ws}, accepted from the application's own origin only. Officers
 * subscribe to {@code /user/queue/alerts}; {@link StompAccess} authenticates and authorizes each frame,
 * and {@link LivePush} sends to each session on the queue the broker made for its subscription.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
@EnableConfigurationProperties(PushProperties.class)
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    static final String ALERTS_QUEUE = "/queue/alerts";

    private final AuthenticationManager authentication;
    /** Looked up when the first frame comes: LivePush needs the broker that this configures. */
    private final ObjectProvider<LivePush> push;
    private final PushProperties properties;

    WebSocketConfiguration(AuthenticationManager authentication, ObjectProvider<LivePush> push,
                           PushProperties properties) {
        this.authentication = authentication;
        this.push = push;
        this.properties = properties;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws");
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/queue");
        registry.setUserDestinationPrefix("/user");
        // one queue per session: the broker's cache of subscriptions by destination needs an entry for each
        registry.setCacheLimit(properties.sessionCache());
        // the outbound channel runs on a pool; without this, two alerts could reach a session out of log order
        registry.setPreservePublishOrder(true);
        // no executor on the broker channel: a subscription is registered when its SUBSCRIBE has passed through
        registry.configureBrokerChannel().interceptors(new ChannelInterceptor() {
            @Override
            public void postSend(Message<?> message, MessageChannel channel, boolean sent) {
                if (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) == SimpMessageType.SUBSCRIBE) {
                    push.getObject().registered(SimpMessageHeaderAccessor.getSessionId(message.getHeaders()),
                            SimpMessageHeaderAccessor.getDestination(message.getHeaders()));
                }
            }
        });
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(new StompAccess(authentication, push::getObject));
    }
}
