package org.hotline.access;

/** Roles of accounts (FACILITATOR, later ANALYST) and of seats in one exercise (the others). */
public enum Role {
    FACILITATOR, NOTETAKER, PLAYER, OBSERVER, ANALYST
}
