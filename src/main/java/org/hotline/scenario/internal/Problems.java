package org.hotline.scenario.internal;

import java.util.ArrayList;
import java.util.List;
import org.hotline.scenario.ScenarioProblem;

/** The problems found in one file so far; the file is refused whole if there is any. */
final class Problems {

    private final String file;
    private final List<ScenarioProblem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void at(YamlNode node, String message) {
        at(node.line(), node.path(), message);
    }

    void at(int line, String field, String message) {
        found.add(new ScenarioProblem(file, line, field.isEmpty() ? "(file)" : field, message));
    }

    boolean any() {
        return !found.isEmpty();
    }

    List<ScenarioProblem> list() {
        return found;
    }

    /** The parser records its problems straight into our list. */
    YamlReader yaml() {
        return new YamlReader(file, found);
    }
}
