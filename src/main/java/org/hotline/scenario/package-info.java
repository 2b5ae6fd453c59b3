/**
 * Scenario files: loading, validation and the catalogue of scenarios, rulebook and findings.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scenarios")
package org.hotline.scenario;
