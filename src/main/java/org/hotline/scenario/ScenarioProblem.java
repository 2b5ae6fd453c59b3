package org.hotline.scenario;

/**
 * Why a scenario file was refused: where, and what. Never a stack trace.
 *
 * @param line  1-based line in the file; 0 when the problem is the file as a whole (unreadable, a missing folder)
 * @param field the path of the field from the file's root, such as {@code issues[2].salience.moscow}
 */
public record ScenarioProblem(String file, int line, String field, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + field + ": " + message;
    }
}
