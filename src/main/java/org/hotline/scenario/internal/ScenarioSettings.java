package org.hotline.scenario.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where scenarios come from (hotline.scenarios.*).
 *
 * @param folder Folder of scenario files (YAML) loaded besides the bundled ones; empty: the bundled scenarios only.
 */
@ConfigurationProperties("hotline.scenarios")
record ScenarioSettings(@DefaultValue("") String folder) {
}
