package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hotline.exercise.EventType;
import org.junit.jupiter.api.Test;

/** The browser names events from one module, web/js/events.js, and it names exactly the server's event types. */
class EventNamesTest {

    private static final Path WEB = Path.of("web");

    @Test
    void theBrowsersListIsTheServersList() throws IOException {
        String module = Files.readString(WEB.resolve("js/events.js"));
        Matcher entry = Pattern.compile("^\\s*([A-Z_]+): '([A-Z_]+)',?$", Pattern.MULTILINE).matcher(module);
        List<String> names = new java.util.ArrayList<>();
        while (entry.find()) {
            assertThat(entry.group(2)).as("each name is its own value").isEqualTo(entry.group(1));
            names.add(entry.group(1));
        }
        assertThat(names).containsExactlyElementsOf(Arrays.stream(EventType.values()).map(Enum::name).toList());
    }

    @Test
    void everyEventThePagesUseIsOnTheList() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(WEB)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                Matcher use = Pattern.compile("EVENT\\.([A-Z_]+)").matcher(Files.readString(file));
                while (use.find()) {
                    used.add(use.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(Arrays.stream(EventType.values()).map(Enum::name).toList()).containsAll(used);
    }

    @Test
    void theSharedModelNamesNoEventByHand() throws IOException {
        String model = Files.readString(WEB.resolve("js/model.js"));
        for (EventType type : EventType.values()) {
            assertThat(model).as(type.name()).doesNotContain("'" + type.name() + "'");
        }
    }
}
