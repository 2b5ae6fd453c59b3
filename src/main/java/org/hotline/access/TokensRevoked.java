package org.hotline.access;

import java.util.List;

/**
 * Tokens that died before their time (logout, a disabled account, a removed seat, a password reset):
 * live sessions opened with them are closed.
 */
public record TokensRevoked(List<String> tokenHashes, String reason) {
}
