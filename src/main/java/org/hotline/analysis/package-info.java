/**
 * Options analysis (R5, R6): a scenario played by pairs of strategies over many seeds, with optional
 * rulebook and context changes; distributions per pair, a pairwise table, and the provenance that
 * makes a result reproducible. The runner is plain Java (the command line uses it without Spring);
 * the REST API, the background queue and the stored results live in internal/.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Options analysis")
package org.hotline.analysis;
