package org.hotline.scenario;

/** Why a scenario file was refused: where, and what. Never a stack trace. */
public record ScenarioProblem(String file, int line, String field, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + field + ": " + message;
    }
}
