package org.ewn.api.membership;

/** What an enrolled key is for: signing submissions (Ed25519 or P-256) or receiving sealed content (X25519). */
public enum KeyPurpose { SIGNING, ENCRYPTION }
