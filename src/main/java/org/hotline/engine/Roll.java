package org.hotline.engine;

import java.util.List;

/** One random draw: what it decided, the odds, the draw, the result. */
public record Roll(RollKind purpose, String issueId, double odds, double draw, boolean success, List<String> findings) {
}
