package org.hotline.scenario.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where scenarios come from (hotline.scenarios.*).
 *
 * @param folder Folder of scenario files (YAML) loaded besides the bundled ones, where files added on the Administration page are stored; empty: scenarios/ in hotline.data-dir.
 */
@ConfigurationProperties("hotline.scenarios")
record ScenarioSettings(@DefaultValue("") String folder) {
}
