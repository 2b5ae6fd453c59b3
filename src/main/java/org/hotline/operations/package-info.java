/**
 * Operations: metrics for Prometheus, health indicators, the OpenAPI description of the REST API and
 * the start-up line. Listens to what the other modules publish; owns no domain state.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package org.hotline.operations;
