/**
 * Who is calling: facilitator accounts (hashed passwords), join codes, seat tokens, Spring Security.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package org.hotline.access;
