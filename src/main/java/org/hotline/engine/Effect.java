package org.hotline.engine;

import java.util.List;

/** One change to one variable, with why and the finding ids behind it. */
public record Effect(String variable, String before, String after, String reason, List<String> findings) {
}
