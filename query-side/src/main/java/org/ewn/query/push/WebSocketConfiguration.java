package org.ewn.query.push;

import org.ewn.access.ConsoleProperties;
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
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

/**
 * STOMP over WebSocket at {@code /ws}, accepted from the application's own origin only. Officers
 * subscribe to {@code /user/queue/alerts} and {@code /user/queue/cases}, supervisors also to
 * {@code /user/queue/escalations}; {@link StompAccess} authenticates and authorizes each frame. The broker
 * registers each subscription; {@link LivePush} then writes its frames to the session's connection itself
 * ({@link SessionFrames}, {@link PushConnections}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
@EnableConfigurationProperties(PushProperties.class)
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    static final String ALERTS_QUEUE = "/queue/alerts";
    static final String ESCALATIONS_QUEUE = "/queue/escalations";
    static final String CASES_QUEUE = "/queue/cases";

    private final AuthenticationManager authentication;
    /** Looked up when the first frame comes: LivePush needs the broker that this configures. */
    private final ObjectProvider<LivePush> push;
    private final ObjectProvider<ConsoleSessions> consoleSessions;
    private final ConsoleProperties console;
    private final PushConnections connections;

    WebSocketConfiguration(AuthenticationManager authentication, ObjectProvider<LivePush> push,
                           ObjectProvider<ConsoleSessions> consoleSessions, ConsoleProperties console,
                           PushConnections connections) {
        this.authentication = authentication;
        this.push = push;
        this.consoleSessions = consoleSessions;
        this.console = console;
        this.connections = connections;
    }

    /** Every connection takes one frame at a time, from the STOMP handler and from live push alike. */
    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.addDecoratorFactory(connections);
    }

    /**
     * Browsers open {@code /ws} from the application's own origin only (plus {@code ewn.console.allowed-origins});
     * programs, which send no Origin, are not concerned. The HTTP session's id comes along, so that the connection
     * ends with the session. No extension is agreed to, compression above all ({@link UncompressedUpgrade}).
     */
    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        HttpSessionHandshakeInterceptor sessionId = new HttpSessionHandshakeInterceptor();
        sessionId.setCopyAllAttributes(false);
        sessionId.setCopyHttpSessionId(true);
        registry.addEndpoint("/ws").setHandshakeHandler(new DefaultHandshakeHandler(new UncompressedUpgrade()))
                .setAllowedOrigins(console.allowedOrigins().toArray(String[]::new))
                .addInterceptors(sessionId, new ConsoleHandshake());
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/queue");
        registry.setUserDestinationPrefix("/user");
        // the outbound channel runs on a pool; without this, two frames the broker sends could reach a session out of
        // order (live push queues its own per session: SessionFrames)
        registry.setPreservePublishOrder(true);
        // no executor on the broker channel: a subscription is registered when its SUBSCRIBE has passed through
        registry.configureBrokerChannel().interceptors(new ChannelInterceptor() {
            @Override
            public void postSend(Message<?> message, MessageChannel channel, boolean sent) {
                if (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) == SimpMessageType.SUBSCRIBE) {
                    String session = SimpMessageHeaderAccessor.getSessionId(message.getHeaders());
                    String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
                    if (destination != null && destination.startsWith(ESCALATIONS_QUEUE)) {
                        push.getObject().registeredEscalations(session);
                    } else if (destination != null && destination.startsWith(CASES_QUEUE)) {
                        push.getObject().registeredCases(session);
                    } else {
                        push.getObject().registered(session);
                    }
                }
            }
        });
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(new StompAccess(authentication, push::getObject, consoleSessions::getObject));
    }
}
