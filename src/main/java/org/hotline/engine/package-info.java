/**
 * The adjudication engine: plain Java, no Spring, no I/O, no clock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Adjudication engine")
package org.hotline.engine;
