package org.hotline.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens, join codes and ids (no dots: safe in a STOMP destination), and the hash tokens are stored under. */
public final class Secrets {

    /** Crockford's base32 without I, L, O, U: nothing to misread when a code is dictated in a room. */
    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** 16 characters of 32 letters = 80 bits, shown in groups of four. */
    public static String joinCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** What a person may type: any case, with or without dashes and spaces. */
    public static String normaliseCode(String typed) {
        String bare = typed == null ? "" : typed.toUpperCase().replaceAll("[^0-9A-Z]", "");
        if (bare.length() != 16) {
            return bare;
        }
        return bare.substring(0, 4) + "-" + bare.substring(4, 8) + "-" + bare.substring(8, 12) + "-" + bare.substring(12);
    }

    public static String id(String prefix, int length) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            id.append(Character.toLowerCase(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length()))));
        }
        return id.toString();
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
