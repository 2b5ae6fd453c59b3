/**
 * Computer-played teams: strategies (always-hardline, tit-for-tat, GRIT, core-first, limited, ...) that
 * decide a team's orders, draft its argument and answer proposals from what that team may see
 * ({@link org.hotline.bots.TeamView}). Parameters live in exercises/strategies.yaml. Plain Java.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Computer-played teams")
package org.hotline.bots;
