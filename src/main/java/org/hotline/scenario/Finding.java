package org.hotline.scenario;

/** One entry of the finding catalogue (docs/design.md section 5): our own words, with a citation of the brief. */
public record Finding(String id, String kind, String title, String text, String citation) {
}
