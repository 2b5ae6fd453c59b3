package org.hotline.scenario;

/** The costs of competing an agreement can lower (B2): the stronger side's burden, the weaker side's strain. */
public enum Cost {
    BURDEN, STRAIN
}
