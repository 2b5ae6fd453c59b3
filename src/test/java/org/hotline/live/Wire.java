package org.hotline.live;

import static org.awaitility.Awaitility.await;

import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import org.hotline.exercise.Channel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/** The server as a client sees it: REST over HTTP and STOMP over WebSocket, on the test's port. */
public final class Wire {

    /** Subscribes and hands each frame's body, read as JSON, to {@code onBody}. */
    static void onJson(StompSession session, String destination, java.util.function.Consumer<JsonNode> onBody) {
        session.subscribe(destination, json(onBody));
    }

    /**
     * A frame handler handing each body, read as JSON, to {@code onBody}; a topic's message (a JSON array
     * of a command's events) one event at a time.
     */
    public static StompFrameHandler json(java.util.function.Consumer<JsonNode> onBody) {
        return json(onBody, message -> { });
    }

    /** As {@link #json(java.util.function.Consumer)}, handing each topic's message as sent to {@code onMessage} first. */
    static StompFrameHandler json(java.util.function.Consumer<JsonNode> onBody, java.util.function.Consumer<JsonNode> onMessage) {
        return new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                JsonNode body = (JsonNode) payload;
                if (body.isArray()) {
                    onMessage.accept(body);
                    whole(headers.getDestination(), body).forEach(onBody);
                } else {
                    onBody.accept(body);
                }
            }
        };
    }

    /**
     * A topic's message as whole events, as the browser's live.js reads it (docs/protocol.md section 5):
     * a channel topic's events get its channel, and each event the time, actor, turn and phase it leaves
     * out from the event before it in the message.
     */
    public static List<JsonNode> whole(String destination, JsonNode message) {
        String topic = destination.substring(destination.indexOf('.', "/topic/exercise.".length()) + 1);
        Channel channel = Channel.ofTopic(topic);
        List<JsonNode> events = new ArrayList<>();
        JsonNode before = null;
        for (JsonNode sent : message) {
            ObjectNode event = JsonNodeFactory.instance.objectNode();
            event.set("seq", sent.get("seq"));
            if (sent.has("prev")) {
                event.set("prev", sent.get("prev"));
            }
            event.set("type", sent.get("type"));
            for (String carried : List.of("turn", "phase", "time", "actor")) {
                JsonNode value = sent.has(carried) || before == null ? sent.get(carried) : before.get(carried);
                if (value != null) {
                    event.set(carried, value);
                }
            }
            event.put("channel", channel == Channel.CONTROL ? sent.get("channel").asString() : channel.name());
            event.set("payload", sent.get("payload"));
            events.add(event);
            before = event;
        }
        return events;
    }

    public static final String ADMIN = "white";
    public static final String ADMIN_PASSWORD = "white-cell-password";
    public static final Duration WAIT = Duration.ofSeconds(10);

    public final int port;
    public final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    public Wire(int port) {
        this.port = port;
    }

    public record Response(int status, JsonNode body) {
    }

    public Response get(String path, String token) {
        return call(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    public Response post(String path, Object body, String token) {
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        return call(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)), token);
    }

    private Response call(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean text = response.headers().firstValue("Content-Type").orElse("").startsWith("text/");
            JsonNode body = response.body().isBlank() ? json.nullNode()
                    : text ? json.getNodeFactory().stringNode(response.body()) : json.readTree(response.body());
            return new Response(response.statusCode(), body);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public String login() {
        Response response = post("/api/login", Map.of("username", ADMIN, "password", ADMIN_PASSWORD), null);
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response);
        }
        return response.body().get("token").asString();
    }

    public JsonNode create(String token, String mode, Map<String, Integer> timers) {
        return create(token, scenarioId(), mode, timers);
    }

    public JsonNode create(String token, String scenarioId, String mode, Map<String, Integer> timers) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("scenarioId", scenarioId);
        request.put("mode", mode);
        request.put("seed", 7);
        request.put("timers", timers);
        Response response = post("/api/exercises", request, token);
        if (response.status() != 201) {
            throw new IllegalStateException("create failed: " + response);
        }
        return response.body();
    }

    public String scenarioId() {
        return "future-after-ukraine";
    }

    /** The whole log as the token may see it, page after page. */
    public List<JsonNode> log(String exerciseId, String token) {
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = get("/api/exercises/" + exerciseId + "/events?after=" + after, token).body();
            page.get("events").forEach(events::add);
            if (page.get("complete").asBoolean()) {
                return events;
            }
            after = events.get(events.size() - 1).get("seq").asLong();
        }
    }

    /**
     * The facilitator's STATE_FULL and ADJUDICATION_DRAFTED of a log (read in order from its start) made
     * whole as a client makes them (docs/protocol.md section 5): a state given as {@code changes} is those
     * written over the previous state, neither state nor changes the last draft's state after, absent effects the last draft's, a draft without its state
     * before has the last state before and the changes written over it after; a draft's moves as read
     * are the moves when absent, effects written as columns one object each, an effect's value before
     * (when absent or null) the previous value after of its variable, and a run of dice is one roll per issue.
     */
    public static List<JsonNode> wholeStates(List<JsonNode> log) {
        List<JsonNode> whole = new ArrayList<>();
        JsonNode state = null;
        JsonNode drafted = null;
        JsonNode draftedAfter = null;
        for (JsonNode event : log) {
            tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) event.deepCopy();
            tools.jackson.databind.node.ObjectNode payload = (tools.jackson.databind.node.ObjectNode) copy.get("payload");
            String type = event.get("type").asString();
            if (type.equals("STATE_FULL")) {
                if (!payload.has("state")) {
                    payload.set("state", payload.has("changes") ? merged(state, payload.remove("changes")) : draftedAfter);
                }
                if (!payload.has("effects")) {
                    payload.set("effects", drafted);
                }
                state = payload.get("state");
            } else if (type.equals("ADJUDICATION_DRAFTED")) {
                tools.jackson.databind.node.ObjectNode outcome = (tools.jackson.databind.node.ObjectNode) payload.get("outcome");
                if (!outcome.has("before")) {
                    outcome.set("before", state);
                    outcome.set("after", merged(state, payload.remove("changes")));
                }
                for (JsonNode issue : outcome.path("issues")) {
                    tools.jackson.databind.node.ObjectNode read = (tools.jackson.databind.node.ObjectNode) issue;
                    read.putIfAbsent("washingtonMoveAsReadByMoscow", read.get("washingtonMove"));
                    read.putIfAbsent("moscowMoveAsReadByWashington", read.get("moscowMove"));
                }
                if (outcome.path("effects").isObject()) {
                    JsonNode columns = outcome.get("effects");
                    tools.jackson.databind.node.ArrayNode rows = outcome.putArray("effects");
                    for (int i = 0; i < columns.get("variable").size(); i++) {
                        tools.jackson.databind.node.ObjectNode row = rows.addObject();
                        for (String field : List.of("variable", "before", "after", "reason", "findings", "issueId")) {
                            if (!columns.get(field).get(i).isNull() || field.equals("issueId")) {
                                row.set(field, columns.get(field).get(i));
                            }
                        }
                    }
                }
                Map<String, JsonNode> last = new LinkedHashMap<>();
                for (JsonNode effect : outcome.path("effects")) {
                    tools.jackson.databind.node.ObjectNode written = (tools.jackson.databind.node.ObjectNode) effect;
                    written.putIfAbsent("before", last.get(written.get("variable").asString()));
                    written.putIfAbsent("issueId", tools.jackson.databind.node.NullNode.getInstance());
                    last.put(written.get("variable").asString(), written.get("after"));
                }
                tools.jackson.databind.node.ArrayNode rolls = outcome.putArray("rolls");
                for (JsonNode entry : event.at("/payload/outcome/rolls")) {
                    if (!entry.has("issueIds")) {
                        rolls.add(entry);
                        continue;
                    }
                    for (int i = 0; i < entry.get("issueIds").size(); i++) {
                        rolls.addObject().put("purpose", entry.get("purpose").asString()).put("issueId", entry.get("issueIds").get(i).asString())
                                .put("odds", entry.get("odds").asDouble()).put("draw", entry.get("draws").get(i).asDouble())
                                .put("success", entry.get("successes").get(i).asBoolean()).set("findings", entry.get("findings"));
                    }
                }
                drafted = outcome.get("effects");
                draftedAfter = outcome.get("after");
            }
            whole.add(copy);
        }
        return whole;
    }

    /** A JSON merge patch (RFC 7386) written over a copy of {@code base}. */
    private static JsonNode merged(JsonNode base, JsonNode changes) {
        if (base == null || !base.isObject() || !changes.isObject()) {
            return changes;
        }
        tools.jackson.databind.node.ObjectNode out = (tools.jackson.databind.node.ObjectNode) base.deepCopy();
        changes.properties().forEach(member -> out.set(member.getKey(), merged(base.get(member.getKey()), member.getValue())));
        return out;
    }

    public JsonNode join(String code, String name) {
        Response response = post("/api/join", Map.of("code", code, "name", name), null);
        if (response.status() != 200) {
            throw new IllegalStateException("join failed: " + response);
        }
        return response.body();
    }

    public Client connect(String token) {
        // The facilitator's adjudication drafts exceed the container's default 8 KB frame buffer.
        jakarta.websocket.WebSocketContainer container = jakarta.websocket.ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(1024 * 1024);
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient(container));
        stomp.setMessageConverter(new CompositeMessageConverter(List.of(new StringMessageConverter(),
                new ByteArrayMessageConverter(), new JacksonJsonMessageConverter())));
        stomp.setInboundMessageSizeLimit(1024 * 1024);
        StompHeaders connect = new StompHeaders();
        if (token != null) {
            connect.add("Authorization", "Bearer " + token);
        }
        Client client = new Client(json);
        try {
            client.session = stomp.connectAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocketHttpHeaders(),
                    connect, client.handler()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("STOMP connect failed", e);
        }
        return client;
    }

    /** One STOMP session and everything it received, by destination. */
    public static final class Client {

        public record Received(String destination, JsonNode body) {
        }

        private final JsonMapper json;
        private StompSession session;
        public final List<Received> received = new CopyOnWriteArrayList<>();
        /** The topics' messages as sent (received has their events whole). */
        public final List<Received> messages = new CopyOnWriteArrayList<>();

        Client(JsonMapper json) {
            this.json = json;
        }

        StompSessionHandlerAdapter handler() {
            return new StompSessionHandlerAdapter() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                    return JsonNode.class;
                }

                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    received.add(new Received("ERROR", json.valueToTree(Map.of("message", String.valueOf(headers.get("message"))))));
                }
            };
        }

        public boolean connected() {
            return session.isConnected();
        }

        public Client subscribe(String destination) {
            session.subscribe(destination, json(body -> received.add(new Received(destination, body)),
                    message -> messages.add(new Received(destination, message))));
            return this;
        }

        public Client subscribeQueues() {
            return subscribe("/user/queue/errors").subscribe("/user/queue/replies").subscribe("/user/queue/sync");
        }

        /** Sends a command with a fresh commandId (unless the body has one); returns the commandId. */
        public String send(String destination, Map<String, ?> body) {
            Map<String, Object> withId = new LinkedHashMap<>(body);
            withId.putIfAbsent("commandId", UUID.randomUUID().toString());
            StompHeaders headers = new StompHeaders();
            headers.setDestination(destination);
            headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
            session.send(headers, withId);
            return (String) withId.get("commandId");
        }

        public void sendRaw(String destination, String text) {
            StompHeaders headers = new StompHeaders();
            if (destination != null) {
                headers.setDestination(destination);
            }
            headers.setContentType(MimeTypeUtils.TEXT_PLAIN);
            session.send(headers, text);
        }

        public JsonNode reply(String commandId) {
            return awaitOne("/user/queue/replies", b -> commandId.equals(b.path("commandId").asString(null)));
        }

        public JsonNode error(String commandId) {
            return awaitOne("/user/queue/errors", b -> commandId.equals(b.path("commandId").asString(null)));
        }

        /** Sends a sync and waits for its answer: every frame sent before has been handled by then. */
        public JsonNode sync(String exerciseId, long after) {
            int before = count("/user/queue/sync");
            send("/app/exercise." + exerciseId + ".sync", Map.of("after", after));
            await().atMost(WAIT).until(() -> count("/user/queue/sync") > before);
            return bodies("/user/queue/sync").get(before);
        }

        /** Catches up page after page, as docs/protocol.md tells clients to. */
        public List<JsonNode> syncAll(String exerciseId, long after) {
            List<JsonNode> events = new ArrayList<>();
            long from = after;
            while (true) {
                JsonNode page = sync(exerciseId, from);
                page.get("events").forEach(events::add);
                if (page.get("complete").asBoolean()) {
                    return events;
                }
                from = events.get(events.size() - 1).get("seq").asLong();
            }
        }

        public JsonNode awaitOne(String destination, Predicate<JsonNode> match) {
            await().atMost(WAIT).until(() -> find(destination, match).isPresent());
            return find(destination, match).orElseThrow();
        }

        public Optional<JsonNode> find(String destination, Predicate<JsonNode> match) {
            return bodies(destination).stream().filter(match).findFirst();
        }

        public List<JsonNode> bodies(String destination) {
            List<JsonNode> bodies = new ArrayList<>();
            for (Received r : received) {
                if (r.destination().equals(destination)) {
                    bodies.add(r.body());
                }
            }
            return bodies;
        }

        public int count(String destination) {
            return bodies(destination).size();
        }

        /** Every event envelope received on a topic. */
        public List<JsonNode> events() {
            List<JsonNode> events = new ArrayList<>();
            for (Received r : received) {
                if (r.destination().startsWith("/topic/")) {
                    events.add(r.body());
                }
            }
            return events;
        }

        public Optional<JsonNode> event(String type) {
            return events().stream().filter(e -> type.equals(e.path("type").asString(null))).findFirst();
        }

        public JsonNode awaitEvent(Predicate<JsonNode> match) {
            await().atMost(WAIT).until(() -> events().stream().anyMatch(match));
            return events().stream().filter(match).findFirst().orElseThrow();
        }

        public void disconnect() {
            if (session.isConnected()) {
                session.disconnect();
            }
        }
    }
}
