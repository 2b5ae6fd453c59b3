package org.hotline.engine;

import java.util.Map;

/** Plain-English account of a turn: one paragraph per issue, each citing its finding ids, and a summary. */
public record Narrative(String summary, Map<String, String> byIssue) {
}
